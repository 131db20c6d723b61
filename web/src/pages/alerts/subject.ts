import type { Alert } from "./types";
import { t } from "../../i18n/catalogue";

/**
 * What the alert is about, as rows for its details: the plate with its list and reason, the rule with its
 * zone or line, the face subject with its score. Read from the alert's details (the event that raised it).
 */
export function subjectFacts(alert: Alert): [string, string][] {
  const text = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = alert.details[key];
      if (typeof value === "string" && value.trim()) return value;
      if (typeof value === "number") return String(value);
    }
    return null;
  };
  const rows: [string, string | null][] = [];
  if (alert.kind === "vehicle_hit") {
    const listed = text("entry_plate", "plate");
    const read = text("read_plate");
    rows.push([t("alerts.plate"), listed && read && read !== listed ? t("alerts.readAs", { listed, read }) : listed ?? read]);
    rows.push([t("alerts.hotlist"), text("list_name")], [t("alerts.reason"), text("reason")], [t("alerts.case2"), text("case_ref")]);
  } else if (alert.kind === "face_candidate") {
    const score = alert.details.score;
    rows.push([t("alerts.subject"), text("subject_name", "subject_id")], [t("alerts.category"), text("category")]);
    rows.push([t("alerts.score"), typeof score === "number" ? score.toFixed(2) : null]);
  } else if (alert.kind === "rule") {
    rows.push([t("alerts.rule"), text("rule") ?? alert.subject], [t("alerts.zone"), text("zone")], [t("alerts.line"), text("line")]);
    rows.push([t("alerts.signal"), text("signal")], [t("alerts.object"), text("object_class")]);
  }
  return rows.filter((row): row is [string, string] => row[1] !== null);
}
