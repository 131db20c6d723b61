import type { Alert, AlertStatus, Severity } from "./types";

export const STATUS_LABEL: Record<AlertStatus, string> = {
  new: "New",
  escalated: "Escalated",
  acknowledged: "Acknowledged",
  assigned: "Assigned",
  confirmed: "Confirmed",
  dismissed: "Dismissed",
  resolved: "Resolved",
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};

const KIND_LABEL: Record<string, string> = {
  camera_health: "Camera health",
  rule: "Video rule",
  vehicle_hit: "Hotlist vehicle",
  face_candidate: "Face watchlist",
  panic: "Panic button",
  citizen_report: "Citizen report",
};

/** "Video rule: line_crossing · crossing" and the like: what raised the alert. */
export function kindLabel(alert: Alert): string {
  const base = KIND_LABEL[alert.kind] ?? alert.kind;
  if (alert.kind === "rule") {
    const type = alert.source_topic.startsWith("rule.") ? alert.source_topic.slice(5) : alert.source_topic;
    return `${base}: ${type.replace(/_/g, " ")}`;
  }
  return base;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString([], { hour12: false, month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** "just now", "4 min", "2 h 5 min", "3 d": how long the alert has been waiting. */
export function formatAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds)) return "";
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** Media hashes an alert's details carry (pipeline snapshots, plate crops, face probe and enrolled image). */
export function mediaOf(alert: Alert): { snapshot: string | null; crop: string | null; enrolled: string | null } {
  const text = (key: string) => {
    const value = alert.details[key];
    return typeof value === "string" && /^[0-9a-f]{64}$/.test(value) ? value : null;
  };
  return {
    snapshot: text("snapshot_sha256"),
    crop: text("crop_sha256") ?? text("probe_sha256"),
    enrolled: text("enrolled_sha256"),
  };
}
