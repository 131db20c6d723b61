import { RecordTable, type Column } from "../../components/RecordTable";
import { actionLabel, inChainOrder, summariseDetails } from "./custody";
import { formatTime } from "./format";
import type { CustodyEntry, CustodyReport } from "./types";

const CUSTODY_COLUMNS: readonly Column<CustodyEntry>[] = [
  { header: "#", rowHeader: true, cell: (entry) => entry.seq },
  { header: "Time", cell: (entry) => formatTime(entry.time) },
  { header: "Action", cell: (entry) => actionLabel(entry.action) },
  {
    header: "By",
    cell: (entry) => (
      <>
        {entry.actor} <span className="muted">({entry.role})</span>
      </>
    ),
  },
  { header: "Purpose", cell: (entry) => entry.purpose || "—" },
  { header: "Case ref", cell: (entry) => entry.case_ref || "—" },
  { header: "Details", cell: (entry) => summariseDetails(entry.details), className: "details" },
  {
    header: "Entry hash",
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
          ? `✓ Chain intact: ${entries.length} ${entries.length === 1 ? "entry" : "entries"}, each hash links to the one before.`
          : `✗ Chain broken: ${report.problems.join("; ")}`}
      </p>
      <RecordTable
        rows={entries}
        rowKey={(entry) => entry.seq}
        columns={CUSTODY_COLUMNS}
        caption="Chain of custody, oldest first"
        testId="custody-table"
      />
    </>
  );
}
