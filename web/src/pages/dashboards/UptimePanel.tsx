import { useMemo } from "react";
import type { Resource } from "../../api/useResource";
import { BarChart } from "./BarChart";
import { ChartPanel } from "./ChartPanel";
import { barConfig } from "./chartOptions";
import { DataTable } from "./DataTable";
import { formatDuration, formatPercent, uptimeText, uptimeWorstFirst } from "./series";
import { themeColour } from "./theme";
import type { UptimeReport } from "./types";
import { t } from "../../i18n/catalogue";

const title = () => t("dashboards.cameraUptimeTitle");

/** One bar per camera, worst first, each labelled with its percentage. */
export function UptimePanel({ resource }: { resource: Resource<UptimeReport> }) {
  return (
    <ChartPanel
      title={title()}
      what={t("dashboards.cameraUptime")}
      resource={resource}
      isEmpty={(report) => report.cameras.length === 0}
      emptyText={t("dashboards.noCamerasAreRegistered")}
      testId="dashboard-uptime"
      chart={(report) => <UptimeChart report={report} />}
      table={(report) => <UptimeTable report={report} />}
    />
  );
}

function UptimeChart({ report }: { report: UptimeReport }) {
  const config = useMemo(() => {
    const cameras = uptimeWorstFirst(report.cameras);
    return barConfig(
      cameras.map((camera) => `${camera.name}: ${uptimeText(camera)}`),
      [
        {
          style: { label: t("dashboards.availableDeliveringVideo"), colour: themeColour("--link"), pattern: "solid" },
          values: cameras.map((camera) => camera.available_percent ?? 0),
        },
      ],
      { horizontal: true, max: 100, formatValue: formatPercent },
    );
  }, [report]);
  // Roughly 2 rem per camera, so labels never overlap.
  const height = `${Math.max(8, report.cameras.length * 2 + 3)}rem`;
  return (
    <div style={{ height }} className="dash-chart-tall">
      <BarChart config={config} label={t("dashboards.availableTimePerCamera", { title: title() })} />
    </div>
  );
}

function UptimeTable({ report }: { report: UptimeReport }) {
  const rows = uptimeWorstFirst(report.cameras).map((camera) => ({
    key: camera.camera_id,
    header: camera.name,
    cells: [
      uptimeText(camera),
      camera.healthy_percent === null ? t("dashboards.notObserved") : formatPercent(camera.healthy_percent),
      formatDuration(camera.observed_seconds),
    ],
  }));
  return (
    <DataTable
      caption={t("dashboards.worstFirst", { title: title() })}
      columns={[t("dashboards.camera"), t("dashboards.available"), t("dashboards.usablePicture"), t("dashboards.observedFor")]}
      rows={rows}
    />
  );
}
