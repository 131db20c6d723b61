import type { Resource } from "../../api/useResource";
import type { Schemas } from "../../api/schemas";
import { StateMessage } from "../../components/StateMessage";
import { DataTable } from "./DataTable";
import { formatDuration } from "./series";

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
        <h2 id="alarm-quality-title">Alarm quality</h2>
      </div>
      <StateMessage resource={resource} what="alarm quality" />
      {data ? (
        <>
          <dl className="alert-facts">
            <div>
              <dt>Alarms</dt>
              <dd>{data.alarms}</dd>
            </div>
            <div>
              <dt>Alarms per operator-hour</dt>
              <dd>{data.alarms_per_operator_hour ?? "–"}</dd>
            </div>
            <div>
              <dt>Time to acknowledge, p50 / p95</dt>
              <dd>
                {formatDuration(data.acknowledge_p50_seconds ?? null)} / {formatDuration(data.acknowledge_p95_seconds ?? null)}
              </dd>
            </div>
          </dl>
          {data.by_rule
            .filter((row) => row.flagged)
            .map((row) => (
              <p key={row.key} className="field-error" role="status" data-testid="flagged-rule">
                Rule {row.key}: precision {percent(row.precision)} over {row.disposed} closed alarms. Suggestion: {row.suggestion}.
              </p>
            ))}
          <PrecisionTable caption="Precision per rule" rows={data.by_rule} />
          <PrecisionTable caption="Precision per camera" rows={data.by_camera} />
          <PrecisionTable caption="Precision per source" rows={data.by_source} />
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
      columns={["", "Alarms", "Closed", "True", "False", "Nuisance", "Precision"]}
      rows={rows.map((row) => ({
        key: row.key,
        header: row.flagged ? `${row.key} (flagged)` : row.key,
        cells: [row.alarms, row.disposed, row.true, row.false, row.nuisance, percent(row.precision)],
      }))}
    />
  );
}
