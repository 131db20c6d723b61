import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { t } from "../../i18n/catalogue";
import { BarChart } from "../dashboards/BarChart";
import { type CityPlace, hourLabel } from "./types";

/** People and vehicles per hour of the day, summed over the places shown (a table below has the numbers). */
export function PeakHoursChart({ places }: { places: CityPlace[] }) {
  const totals = useMemo(() => hourTotals(places), [places]);
  const config = useMemo<ChartConfiguration<"bar">>(
    () => ({
      type: "bar",
      data: {
        labels: totals.map((hour) => hourLabel(hour.hour)),
        datasets: [
          { label: t("cityData.people"), data: totals.map((hour) => hour.people), backgroundColor: "#d2a8ff" },
          { label: t("cityData.vehicles"), data: totals.map((hour) => hour.vehicles), backgroundColor: "#58a6ff" },
        ],
      },
      options: { animation: false, scales: { y: { beginAtZero: true } } },
    }),
    [totals],
  );
  return <BarChart config={config} label={t("cityData.peakHoursChart")} />;
}

export function hourTotals(places: CityPlace[]): { hour: number; people: number; vehicles: number }[] {
  return Array.from({ length: 24 }, (_, hour) => ({
    hour,
    people: places.reduce((sum, place) => sum + (place.hours[hour]?.people ?? 0), 0),
    vehicles: places.reduce((sum, place) => sum + (place.hours[hour]?.vehicles ?? 0), 0),
  }));
}
