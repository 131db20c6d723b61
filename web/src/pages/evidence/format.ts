import { formatDateTime } from "../../format/dateTime";
export const formatTime = (iso: string | null): string => formatDateTime(iso);

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A datetime-local value ("2026-01-01T10:00") as ISO 8601 with the browser's time zone, which the API needs. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
