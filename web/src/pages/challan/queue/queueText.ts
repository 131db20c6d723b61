import { formatTime, violationTypeLabel } from "../labels";
import type { Violation } from "../types";
import { t } from "../../../i18n/catalogue";

/** Accessible name of a queue entry: "Open Red light, plate LEA1234, <time>". */
export function violationLinkName(violation: Violation): string {
  const plate = violation.plate ? `plate ${violation.plate}` : t("challan.queue.noPlateRead");
  return `Open ${violationTypeLabel(violation.violation_type)}, ${plate}, ${formatTime(violation.occurred_at)}`;
}

export function clipStatusWord(status: Violation["clip_status"]): string {
  switch (status) {
    case "pending":
      return t("challan.queue.pending");
    case "attached":
      return t("challan.queue.attached");
    case "unavailable":
      return t("challan.queue.unavailable");
    default:
      return t("challan.queue.none");
  }
}
