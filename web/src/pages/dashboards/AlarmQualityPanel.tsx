import type { Resource } from "../../api/useResource";
import type { Schemas } from "../../api/schemas";
import { FactList } from "../../components/FactList";
import { StateMessage } from "../../components/StateMessage";
import { DataTable } from "./DataTable";
import { formatDuration } from "./series";
import { t } from "../../i18n/catalogue";

type AlarmQuality = Schemas["AlarmQuality"];
type Precision = Schemas["Precision"];

const percent = (value: number | null | undefined) => (value === null || value === undefined ? "–" : `${Math.round(value * 100)} %`);

/**
 * Are the alarms worth an operator's look: precision (share closed as true) per rule, camera and source,
 * alarms per operator-hour, time to acknowledge. A rule under the precision threshold is flagged with what
 * to change in its alarm policy.
 */
export function AlarmQualityPanel({ resource }: { resource: Resource<AlarmQuality> }) {
  const data = resource.data;
  return (
    <section className="card dash-panel" aria-labelledby="alarm-quality-title" data-testid="dashboard-alarm-quality">
      <div className="section-head">
        <h2 id="alarm-quality-title">{t("dashboards.alarmQuality")}</h2>
      </div>
      <StateMessage resource={resource} what={t("dashboards.alarmQuality2")} />
      {data ? (
        <>
          <FactList
            className="alert-facts"
            facts={[
              [t("dashboards.alarms"), data.alarms],
              [t("dashboards.alarmsPerOperatorHour"), data.alarms_per_operator_hour ?? "–"],
              [
                t("dashboards.timeToAcknowledgeP50"),
                `${formatDuration(data.acknowledge_p50_seconds ?? null)} / ${formatDuration(data.acknowledge_p95_seconds ?? null)}`,
              ],
            ]}
          />
          {data.by_rule
            .filter((row) => row.flagged)
            .map((row) => (
              <p key={row.key} className="field-error" role="status" data-testid="flagged-rule">
                {t("dashboards.rulePrecisionOverClosed", { key: row.key, percent: percent(row.precision), disposed: row.disposed, suggestion: row.suggestion ?? "" })}
              </p>
            ))}
          <PrecisionTable caption={t("dashboards.precisionPerRule")} rows={data.by_rule} />
          <PrecisionTable caption={t("dashboards.precisionPerCamera")} rows={data.by_camera} />
          <PrecisionTable caption={t("dashboards.precisionPerSource")} rows={data.by_source} />
        </>
      ) : null}
    </section>
  );
}

function PrecisionTable({ caption, rows }: { caption: string; rows: Precision[] }) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption={caption}
      columns={["", t("dashboards.alarms"), t("dashboards.closed"), t("dashboards.true"), t("dashboards.false"), t("dashboards.nuisance"), t("dashboards.precision")]}
      rows={rows.map((row) => ({
        key: row.key,
        header: row.flagged ? `${row.key} (flagged)` : row.key,
        cells: [row.alarms, row.disposed, row.true, row.false, row.nuisance, percent(row.precision)],
      }))}
    />
  );
}
