import { Chart, type ChartConfiguration, type ChartType } from "chart.js";
import { useEffect, useRef } from "react";

/**
 * Draws a Chart.js chart of `config` on the returned canvas ref, redrawn when `config` changes (memoise it)
 * and destroyed on unmount. The chart types it uses must be registered with `Chart.register` by the caller.
 */
export function useChart<Type extends ChartType>(config: ChartConfiguration<Type>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvasRef.current?.getContext("2d");
    if (!context) return;
    const chart = new Chart(context, config);
    return () => chart.destroy();
  }, [config]);
  return canvasRef;
}
