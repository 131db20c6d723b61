import type { Alert } from "./types";

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
    rows.push(["Plate", listed && read && read !== listed ? `${listed} (read as ${read})` : listed ?? read]);
    rows.push(["Hotlist", text("list_name")], ["Reason", text("reason")], ["Case", text("case_ref")]);
  } else if (alert.kind === "face_candidate") {
    const score = alert.details.score;
    rows.push(["Subject", text("subject_name", "subject_id")], ["Category", text("category")]);
    rows.push(["Score", typeof score === "number" ? score.toFixed(2) : null]);
  } else if (alert.kind === "rule") {
    rows.push(["Rule", text("rule") ?? alert.subject], ["Zone", text("zone")], ["Line", text("line")]);
    rows.push(["Signal", text("signal")], ["Object", text("object_class")]);
  }
  return rows.filter((row): row is [string, string] => row[1] !== null);
}
