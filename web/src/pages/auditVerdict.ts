import type { Schemas } from "../api/schemas";
import { t } from "../i18n/catalogue";

type ChainReport = Schemas["ChainReport"];

/** The one line an auditor reads after "Verify chain": what was checked, or where and how it failed. */
export function auditVerdict(report: ChainReport): string {
  const against = t("auditVerdict.signedCheckpoint", { checkpoints: report.checkpoints, value: report.checkpoints === 1 ? "" : "s" });
  if (report.ok) {
    return t("auditVerdict.chainIntactEntriesChecked", { checked: report.checked, against });
  }
  const problem = report.problem ?? report.problems[0] ?? "unknown problem";
  if (report.first_bad_entry === null || report.first_bad_entry === undefined) {
    return t("auditVerdict.chainDoesNotMatch", { against, problem });
  }
  return t("auditVerdict.chainBrokenAtEntry", { first_bad_entry: report.first_bad_entry, problem });
}
