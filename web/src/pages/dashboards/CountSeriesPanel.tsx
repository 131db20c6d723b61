import { useMemo } from "react";
import type { Resource } from "../../api/useResource";
import { BarChart } from "./BarChart";
import { ChartPanel } from "./ChartPanel";
import { barConfig } from "./chartOptions";
import { DataTable } from "./DataTable";
import { bucketLabel, bucketRowLabel, fillBuckets } from "./series";
import type { SeriesStyle } from "./theme";
import type { CountSeries } from "./types";
import { t } from "../../i18n/catalogue";

interface CountSeriesPanelProps {
  title: string;
  what: string;
  emptyText: string;
  resource: Resource<CountSeries>;
  /** How each group of the series is drawn and named (its index is its place in `groups`). */
  styleOf: (group: string, index: number) => SeriesStyle;
  testId: string;
}

/** Counts per hour or day, stacked by group, with every bucket of the window in the table. */
export function CountSeriesPanel({ title, what, emptyText, resource, styleOf, testId }: CountSeriesPanelProps) {
  return (
    <ChartPanel
      title={title}
      what={what}
      resource={resource}
      isEmpty={(series) => series.total === 0}
      emptyText={emptyText}
      testId={testId}
      chart={(series) => <CountSeriesChart series={series} styleOf={styleOf} title={title} />}
      table={(series) => <CountSeriesTable series={series} styleOf={styleOf} title={title} />}
    />
  );
}

/** What the chart and the table of a series are drawn from. */
interface SeriesViewProps {
  series: CountSeries;
  styleOf: CountSeriesPanelProps["styleOf"];
  title: string;
}

function CountSeriesChart({ series, styleOf, title }: SeriesViewProps) {
  const config = useMemo(() => {
    const filled = fillBuckets(series);
    return barConfig(
      filled.starts.map((start) => bucketLabel(start, series.bucket)),
      filled.groups.map(({ group, counts }, index) => ({ style: styleOf(group, index), values: counts })),
      { stacked: true },
    );
  }, [series, styleOf]);
  return <BarChart config={config} label={t("dashboards.barChartInTotal", { title, total: series.total })} />;
}

function CountSeriesTable({ series, styleOf, title }: SeriesViewProps) {
  const filled = fillBuckets(series);
  const grouped = filled.groups.length > 1;
  const columns = [series.bucket === "hour" ? t("dashboards.hourStarting") : t("dashboards.day"), ...(grouped ? filled.groups.map((g, i) => styleOf(g.group, i).label) : []), t("dashboards.total")];
  const rows = filled.starts.map((start, i) => ({
    key: start.toISOString(),
    header: bucketRowLabel(start, series.bucket),
    cells: [...(grouped ? filled.groups.map((g) => g.counts[i] ?? 0) : []), filled.totals[i] ?? 0],
  }));
  const totalRow = {
    key: "total",
    header: t("dashboards.all"),
    cells: [...(grouped ? filled.groups.map((g) => g.counts.reduce((a, b) => a + b, 0)) : []), series.total],
  };
  return <DataTable caption={title} columns={columns} rows={[...rows, totalRow]} />;
}
