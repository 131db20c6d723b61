import { useMemo } from "react";
import type { Resource } from "../../api/useResource";
import { BarChart } from "./BarChart";
import { ChartPanel } from "./ChartPanel";
import { barConfig } from "./chartOptions";
import { DataTable } from "./DataTable";
import { formatDuration, PERCENTILES, type ResponseRow, responseRows } from "./series";
import { PATTERN_ORDER, themeColour } from "./theme";
import type { DispatchMetrics } from "./types";
import { t } from "../../i18n/catalogue";

const title = () => t("dashboards.responseTimesTitle");
const PERCENTILE_COLOURS = ["--ok", "--warn", "--bad"];

/** p50, p90 and p95 of time to dispatch and time to arrival, from the dispatch metrics. */
export function ResponseTimesPanel({ resource }: { resource: Resource<DispatchMetrics> }) {
  return (
    <ChartPanel
      title={title()}
      what={t("dashboards.responseTimes")}
      resource={resource}
      isEmpty={(metrics) => responseRows(metrics.groups).length === 0}
      emptyText={t("dashboards.noIncidentsWereDispatched")}
      testId="dashboard-response"
      chart={(metrics) => <ResponseChart rows={responseRows(metrics.groups)} />}
      table={(metrics) => <ResponseTable rows={responseRows(metrics.groups)} />}
    />
  );
}

function ResponseChart({ rows }: { rows: ResponseRow[] }) {
  const key = JSON.stringify(rows);
  const config = useMemo(
    () =>
      barConfig(
        rows.map((row) => row.label),
        PERCENTILES.map((percentile, index) => ({
          style: {
            label: percentile,
            colour: themeColour(PERCENTILE_COLOURS[index] ?? "--muted"),
            pattern: PATTERN_ORDER[index] ?? "solid",
          },
          values: rows.map((row) => row.seconds[percentile] ?? 0),
        })),
        { formatValue: formatDuration },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows are compared by value
    [key],
  );
  return <BarChart config={config} label={t("dashboards.median90thAnd95th", { title: title() })} />;
}

function ResponseTable({ rows }: { rows: ResponseRow[] }) {
  return (
    <DataTable
      caption={t("dashboards.percentilesOverTheIncidents", { title: title() })}
      columns={[t("dashboards.measure"), t("dashboards.incidents"), "p50", "p90", "p95", t("dashboards.target")]}
      rows={rows.map((row) => ({
        key: row.label,
        header: row.label,
        cells: [
          row.count,
          ...PERCENTILES.map((percentile) => formatDuration(row.seconds[percentile])),
          formatDuration(row.targetSeconds),
        ],
      }))}
    />
  );
}
