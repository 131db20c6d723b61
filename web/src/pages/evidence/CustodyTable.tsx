import { RecordTable, type Column } from "../../components/RecordTable";
import { actionLabel, inChainOrder, summariseDetails } from "./custody";
import { formatTime } from "./format";
import type { CustodyEntry, CustodyReport } from "./types";
import { t } from "../../i18n/catalogue";

/** The table's columns, headed in the current language. */
const custodyColumns = (): readonly Column<CustodyEntry>[] => [
  { header: "#", rowHeader: true, cell: (entry) => entry.seq },
  { header: t("evidence.time"), cell: (entry) => formatTime(entry.time) },
  { header: t("evidence.action"), cell: (entry) => actionLabel(entry.action) },
  {
    header: t("evidence.by3"),
    cell: (entry) => (
      <>
        {entry.actor} <span className="muted">({entry.role})</span>
      </>
    ),
  },
  { header: t("evidence.purpose2"), cell: (entry) => entry.purpose || "—" },
  { header: t("evidence.caseRef"), cell: (entry) => entry.case_ref || "—" },
  { header: t("evidence.details"), cell: (entry) => summariseDetails(entry.details), className: "details" },
  {
    header: t("evidence.entryHash"),
    cell: (entry) => (
      <code className="evidence-hash" title={t("evidence.previousHash", { hash: entry.prev_hash })}>
        {entry.hash.slice(0, 16)}…
      </code>
    ),
  },
];

/** The item's hash-chained chain of custody, oldest entry first, with the server's integrity verdict. */
export function CustodyTable({ report }: { report: CustodyReport }) {
  const entries = inChainOrder(report.entries);
  return (
    <>
      <p role="status" className={report.intact ? "state state-ok" : "state state-error"} data-testid="custody-verdict">
        {report.intact
          ? t("evidence.chainIntact", { count: entries.length })
          : t("evidence.chainBroken", { problems: report.problems.join("; ") })}
      </p>
      <RecordTable
        rows={entries}
        rowKey={(entry) => entry.seq}
        columns={custodyColumns()}
        caption={t("evidence.chainOfCustodyOldest")}
        testId="custody-table"
      />
    </>
  );
}
