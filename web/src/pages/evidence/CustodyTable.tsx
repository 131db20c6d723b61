import { actionLabel, inChainOrder, summariseDetails } from "./custody";
import { formatTime } from "./format";
import type { CustodyReport } from "./types";

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
      <div className="table-scroll">
        <table className="table" data-testid="custody-table">
          <caption className="visually-hidden">Chain of custody, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time</th>
              <th scope="col">Action</th>
              <th scope="col">By</th>
              <th scope="col">Purpose</th>
              <th scope="col">Case ref</th>
              <th scope="col">Details</th>
              <th scope="col">Entry hash</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <th scope="row">{entry.seq}</th>
                <td>{formatTime(entry.time)}</td>
                <td>{actionLabel(entry.action)}</td>
                <td>
                  {entry.actor} <span className="muted">({entry.role})</span>
                </td>
                <td>{entry.purpose || "—"}</td>
                <td>{entry.case_ref || "—"}</td>
                <td className="details">{summariseDetails(entry.details)}</td>
                <td>
                  <code className="evidence-hash" title={`previous: ${entry.prev_hash}`}>
                    {entry.hash.slice(0, 16)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
