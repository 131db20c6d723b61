import {
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { useMemo } from "react";
import { useChart } from "../../hooks/useChart";
import { t } from "../../i18n/catalogue";

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ModelWeeks {
  model: string;
  weeks: { start: string; pai: number | null }[];
}

const COLOURS = ["#f85149", "#58a6ff", "#3fb950"];

/** PAI per week per model (a table of the same numbers sits beside it for assistive technology). */
export function BacktestChart({ models }: { models: ModelWeeks[] }) {
  const config = useMemo<ChartConfiguration<"line">>(
    () => ({
      type: "line",
      data: {
        labels: models[0]?.weeks.map((week) => week.start.slice(0, 10)) ?? [],
        datasets: models.map((model, index) => ({
          label: model.model,
          data: model.weeks.map((week) => week.pai),
          borderColor: COLOURS[index % COLOURS.length],
          borderDash: index === 1 ? [6, 4] : [],
          spanGaps: true,
        })),
      },
      options: { animation: false, scales: { y: { title: { display: true, text: "PAI" }, beginAtZero: true } } },
    }),
    [models],
  );
  const canvasRef = useChart(config);

  return <canvas ref={canvasRef} role="img" aria-label={t("analytics.paiPerWeekPer")} />;
}
