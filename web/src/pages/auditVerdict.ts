import type { Schemas } from "../api/schemas";

type ChainReport = Schemas["ChainReport"];

/** The one line an auditor reads after "Verify chain": what was checked, or where and how it failed. */
export function auditVerdict(report: ChainReport): string {
  const against = `${report.checkpoints} signed checkpoint${report.checkpoints === 1 ? "" : "s"}`;
  if (report.ok) {
    return `Chain intact — ${report.checked} entries checked against ${against}`;
  }
  const problem = report.problem ?? report.problems[0] ?? "unknown problem";
  if (report.first_bad_entry === null || report.first_bad_entry === undefined) {
    return `Chain does not match its ${against}: ${problem}`;
  }
  return `Chain broken at entry ${report.first_bad_entry}: ${problem}`;
}
