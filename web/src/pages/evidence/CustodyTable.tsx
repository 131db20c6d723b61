import { RecordTable, type Column } from "../../components/RecordTable";
import { actionLabel, inChainOrder, summariseDetails } from "./custody";
import { formatTime } from "./format";
import type { CustodyEntry, CustodyReport } from "./types";
import { t } from "../../i18n/catalogue";

const CUSTODY_COLUMNS: readonly Column<CustodyEntry>[] = [
  { header: "#", rowHeader: true, cell: (entry) => entry.seq },
  { get header() {
      return t("evidence.time");
    }, cell: (entry) => formatTime(entry.time) },
  { get header() {
      return t("evidence.action");
    }, cell: (entry) => actionLabel(entry.action) },
  {
    get header() {
      return t("evidence.by3");
    },
    cell: (entry) => (
      <>
        {entry.actor} <span className="muted">({entry.role})</span>
      </>
    ),
  },
  { get header() {
      return t("evidence.purpose2");
    }, cell: (entry) => entry.purpose || "—" },
  { get header() {
      return t("evidence.caseRef");
    }, cell: (entry) => entry.case_ref || "—" },
  { get header() {
      return t("evidence.details");
    }, cell: (entry) => summariseDetails(entry.details), className: "details" },
  {
    get header() {
      return t("evidence.entryHash");
    },
    cell: (entry) => (
      <code className="evidence-hash" title={`previous: ${entry.prev_hash}`}>
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
        columns={CUSTODY_COLUMNS}
        caption={t("evidence.chainOfCustodyOldest")}
        testId="custody-table"
      />
    </>
  );
}
