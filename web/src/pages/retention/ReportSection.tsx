import type { Resource } from "../../api/useResource";
import { StateMessage } from "../../components/StateMessage";
import { formatTime } from "../evidence/format";
import type { RetentionClass, RetentionReport } from "./types";
import { TableHead } from "../../components/TableHead";

const CLASS_NAMES: Record<string, string> = {
  evidence: "Evidence items (closed cases or no case, not held)",
  recordings: "Continuous recordings",
  face_crops: "Face sightings and crops",
  plate_reads: "Plate reads",
  challan_plate_reads: "Plate reads kept by e-challan (not those a violation names)",
  events: "Events",
};

export function className(name: string): string {
  return CLASS_NAMES[name] ?? name.replaceAll("_", " ");
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  const units = ["KiB", "MiB", "GiB", "TiB"];
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function formatDays(days: number): string {
  return `${Number.isInteger(days) ? days : days.toFixed(1)} ${days === 1 ? "day" : "days"}`;
}

/**
 * The policies in force (days per data class, from the server's configuration) and a dry run of the
 * sweep: what it would delete if it ran now. Open cases and legal holds are never deleted.
 */
export function ReportSection({ resource, onRefresh }: { resource: Resource<RetentionReport>; onRefresh: () => void }) {
  const report = resource.data;
  return (
    <section aria-labelledby="report-title">
      <div className="section-head">
        <h2 id="report-title">Policies, what each class holds and what a sweep would delete now</h2>
        <button type="button" className="btn btn-small" onClick={onRefresh} disabled={resource.status === "loading"}>
          Refresh report
        </button>
      </div>
      <p className="muted">
        Periods are set in the server's configuration (<code>retention:</code> in safecity.yaml) and are read-only
        here. The sweep runs with <code>safecity retention sweep</code>; this is its dry run.
      </p>
      <StateMessage resource={resource} what="the retention report" />
      {report ? (
        <>
          <p role="status" className={report.ok ? "state" : "state state-error"} data-testid="report-summary">
            Dry run at {formatTime(report.now)}:{" "}
            {report.ok
              ? `${report.classes.reduce((sum, c) => sum + c.count, 0)} record(s) would be deleted.`
              : "some data classes could not be checked (see below)."}
          </p>
          <div className="table-scroll">
            <table className="table" data-testid="retention-report">
              <TableHead
                columns={["Data class", "Kept for", "Items", "Oldest", "Size", "Deletes data older than", "Would delete now"]}
              />
              <tbody>
                {report.classes.map((line) => (
                  <ReportRow key={line.name} line={line} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function ReportRow({ line }: { line: RetentionClass }) {
  return (
    <tr>
      <th scope="row">
        {className(line.name)} <span className="muted">({line.name})</span>
      </th>
      <td>{formatDays(line.days)}</td>
      <td>{line.items ?? "—"}</td>
      <td>{line.oldest ? formatTime(line.oldest) : "—"}</td>
      <td>{formatBytes(line.bytes)}</td>
      <td>{formatTime(line.before)}</td>
      <td>
        {line.error ? (
          <span className="state-error">Check failed: {line.error}</span>
        ) : (
          `${line.count} record(s)`
        )}
      </td>
    </tr>
  );
}
