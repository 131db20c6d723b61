import { formatTime, violationTypeLabel } from "../labels";
import type { Violation } from "../types";

/** Accessible name of a queue entry: "Open Red light, plate LEA1234, <time>". */
export function violationLinkName(violation: Violation): string {
  const plate = violation.plate ? `plate ${violation.plate}` : "no plate read";
  return `Open ${violationTypeLabel(violation.violation_type)}, ${plate}, ${formatTime(violation.occurred_at)}`;
}

export function clipStatusWord(status: Violation["clip_status"]): string {
  switch (status) {
    case "pending":
      return "Pending";
    case "attached":
      return "Attached";
    case "unavailable":
      return "Unavailable";
    default:
      return "None";
  }
}
