import type { ChartConfiguration, ChartDataset } from "chart.js";
import { patternFill, type SeriesStyle, themeColour } from "./theme";

export interface BarDataset {
  style: SeriesStyle;
  values: number[];
}

/** Bars in the theme's colours and patterns; `stacked` piles the datasets up. */
export function barConfig(
  labels: string[],
  datasets: readonly BarDataset[],
  options: { stacked?: boolean; horizontal?: boolean; max?: number; formatValue?: (value: number) => string } = {},
): ChartConfiguration<"bar"> {
  const text = themeColour("--text");
  const grid = themeColour("--border");
  const valueAxis = {
    stacked: options.stacked ?? false,
    beginAtZero: true,
    max: options.max,
    grid: { color: grid },
    ticks: {
      color: text,
      precision: 0,
      ...(options.formatValue ? { callback: (value: number | string) => options.formatValue?.(Number(value)) } : {}),
    },
  };
  const categoryAxis = { stacked: options.stacked ?? false, grid: { color: grid }, ticks: { color: text } };
  const chartDatasets: ChartDataset<"bar", number[]>[] = datasets.map(({ style, values }) => ({
    label: style.label,
    data: values,
    backgroundColor: patternFill(style.colour, style.pattern),
    borderColor: style.colour,
    borderWidth: 1,
  }));
  return {
    type: "bar",
    data: { labels, datasets: chartDatasets },
    options: {
      indexAxis: options.horizontal ? "y" : "x",
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: datasets.length > 1, labels: { color: text } },
        tooltip: options.formatValue
          ? { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${options.formatValue?.(Number(item.raw))}` } }
          : {},
      },
      scales: options.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}
