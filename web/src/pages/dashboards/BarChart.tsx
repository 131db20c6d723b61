import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";
import { useChart } from "../../hooks/useChart";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/**
 * A Chart.js bar chart on a canvas. The canvas is an image to assistive technology: every chart on the
 * page comes with a table of the same numbers. `config` must be memoised: a new one redraws the chart.
 */
export function BarChart({ config, label }: { config: ChartConfiguration<"bar">; label: string }) {
  const canvasRef = useChart(config);

  return (
    <div className="dash-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  );
}
