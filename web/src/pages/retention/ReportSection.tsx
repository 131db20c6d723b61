import type { Resource } from "../../api/useResource";
import { StateMessage } from "../../components/StateMessage";
import { formatTime } from "../evidence/format";
import type { RetentionClass, RetentionReport } from "./types";
import { TableHead } from "../../components/TableHead";
import { messageRecord, t } from "../../i18n/catalogue";

const CLASS_NAMES: Record<string, string> = messageRecord({
  evidence: "retention.evidenceItemsClosedCases",
  recordings: "retention.continuousRecordings",
  face_crops: "retention.faceSightingsAndCrops",
  plate_reads: "retention.plateReads",
  challan_plate_reads: "retention.plateReadsKeptBy",
  events: "retention.events",
});

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
        <h2 id="report-title">{t("retention.policiesWhatEachClass")}</h2>
        <button type="button" className="btn btn-small" onClick={onRefresh} disabled={resource.status === "loading"}>
          {t("retention.refreshReport")}
        </button>
      </div>
      <p className="muted">
        {t("retention.periodsAreSetIn")}<code>{t("retention.retention2")}</code>{" "}{t("retention.inSafecityYamlAnd")}{" "}<code>{t("retention.safecityRetentionSweep")}</code>{t("retention.thisIsItsDry")}
      </p>
      <StateMessage resource={resource} what={t("retention.theRetentionReport")} />
      {report ? (
        <>
          <p role="status" className={report.ok ? "state" : "state state-error"} data-testid="report-summary">
            {t("retention.dryRunAt", { time: formatTime(report.now), value: report.ok
              ? t("retention.recordsWouldBeDeleted", { count: report.classes.reduce((sum, c) => sum + c.count, 0) })
              : t("retention.someDataClassesCould") })}
          </p>
          <div className="table-scroll">
            <table className="table" data-testid="retention-report">
              <TableHead
                columns={[t("retention.dataClass"), t("retention.keptFor"), t("retention.items"), t("retention.oldest"), t("retention.size"), t("retention.deletesDataOlderThan"), t("retention.wouldDeleteNow")]}
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
          <span className="state-error">{t("retention.checkFailed", { error: line.error })}</span>
        ) : (
          t("retention.recordCount", { count: line.count })
        )}
      </td>
    </tr>
  );
}
