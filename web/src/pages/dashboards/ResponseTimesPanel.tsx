import { useMemo } from "react";
import type { Resource } from "../../api/useResource";
import { BarChart } from "./BarChart";
import { ChartPanel } from "./ChartPanel";
import { barConfig } from "./chartOptions";
import { DataTable } from "./DataTable";
import { formatDuration, PERCENTILES, type ResponseRow, responseRows } from "./series";
import { PATTERN_ORDER, themeColour } from "./theme";
import type { DispatchMetrics } from "./types";

const TITLE = "Response times";
const PERCENTILE_COLOURS = ["--ok", "--warn", "--bad"];

/** p50, p90 and p95 of time to dispatch and time to arrival, from the dispatch metrics. */
export function ResponseTimesPanel({ resource }: { resource: Resource<DispatchMetrics> }) {
  return (
    <ChartPanel
      title={TITLE}
      what="response times"
      resource={resource}
      isEmpty={(metrics) => responseRows(metrics.groups).length === 0}
      emptyText="No incidents were dispatched in this window."
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
  return <BarChart config={config} label={`${TITLE}: median, 90th and 95th percentile; the table below has the numbers`} />;
}

function ResponseTable({ rows }: { rows: ResponseRow[] }) {
  return (
    <DataTable
      caption={`${TITLE} (percentiles over the incidents in the window)`}
      columns={["Measure", "Incidents", "p50", "p90", "p95", "Target"]}
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
