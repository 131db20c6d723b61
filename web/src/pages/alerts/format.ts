import type { Alert, AlertStatus, Severity } from "./types";
import { formatDateTime } from "../../format/dateTime";
import { t, messageRecord } from "../../i18n/catalogue";

export const STATUS_LABEL: Record<AlertStatus, string> = messageRecord({
  new: "alerts.status.new",
  escalated: "alerts.status.escalated",
  acknowledged: "alerts.status.acknowledged",
  assigned: "alerts.status.assigned",
  confirmed: "alerts.status.confirmed",
  dismissed: "alerts.status.dismissed",
  resolved: "alerts.status.resolved",
});

export const SEVERITY_LABEL: Record<Severity, string> = messageRecord({
  critical: "alerts.severity.critical",
  high: "alerts.severity.high",
  medium: "alerts.severity.medium",
  low: "alerts.severity.low",
  info: "alerts.severity.info",
});

const KIND_LABEL: Record<string, string> = messageRecord({
  camera_health: "alerts.kind.camera_health",
  rule: "alerts.kind.rule",
  vehicle_hit: "alerts.kind.vehicle_hit",
  face_candidate: "alerts.kind.face_candidate",
  panic: "alerts.kind.panic",
  citizen_report: "alerts.kind.citizen_report",
});

/** "Video rule: line_crossing · crossing" and the like: what raised the alert. */
export function kindLabel(alert: Alert): string {
  const base = KIND_LABEL[alert.kind] ?? alert.kind;
  if (alert.kind === "rule") {
    const type = alert.source_topic.startsWith("rule.") ? alert.source_topic.slice(5) : alert.source_topic;
    return `${base}: ${type.replace(/_/g, " ")}`;
  }
  return base;
}

export const formatTime = (iso: string): string => formatDateTime(iso);

/** "just now", "4 min", "2 h 5 min", "3 d": how long the alert has been waiting. */
export function formatAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds)) return "";
  if (seconds < 45) return t("alerts.justNow");
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
