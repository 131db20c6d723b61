import { useMemo, useState } from "react";
import { Navigate, Route, Routes } from "react-router";
import { AlarmQualityPanel } from "./AlarmQualityPanel";
import { CountSeriesPanel } from "./CountSeriesPanel";
import "./dashboards.css";
import { ResponseTimesPanel } from "./ResponseTimesPanel";
import { rankedStyle, type SeriesStyle, themeColour } from "./theme";
import { type TimeWindow, WINDOW_CHOICES, type WindowChoiceId, windowFor, windowQuery } from "./timeWindow";
import { UptimePanel } from "./UptimePanel";
import { useDashboardResource } from "./useDashboardResource";
import { WindowSelector } from "./WindowSelector";
import { formatDateTime } from "../../format/dateTime";

export default function DashboardsArea() {
  return (
    <Routes>
      <Route index element={<DashboardsPage />} />
      <Route path="*" element={<Navigate to="/dashboards" replace />} />
    </Routes>
  );
}

const SEVERITY_LABELS: Record<string, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};

const severityStyle = (group: string, index: number): SeriesStyle =>
  rankedStyle(index, SEVERITY_LABELS[group] ?? group);
const priorityStyle = (group: string, index: number): SeriesStyle => rankedStyle(index, `Priority ${group}`);
const plateReadStyle = (): SeriesStyle => ({ label: "Plate reads", colour: themeColour("--link"), pattern: "solid" });


export function DashboardsPage({ now = () => new Date() }: { now?: () => Date }) {
  const [choice, setChoice] = useState<WindowChoiceId>("24h");
  const [refreshes, setRefreshes] = useState(0);
  // A new window on every choice and refresh: "last 24 hours" always ends now.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `refreshes` is the trigger
  const timeWindow = useMemo(() => windowFor(choice, now()), [choice, refreshes]);
  const label = WINDOW_CHOICES.find((c) => c.id === choice)?.label ?? "";

  return (
    <section className="dashboards">
      <div className="page-head">
        <h1>Dashboards</h1>
        <div className="toolbar">
          <WindowSelector value={choice} onChange={setChoice} />
          <button type="button" className="btn" onClick={() => setRefreshes((n) => n + 1)}>
            Refresh
          </button>
        </div>
      </div>
      <p className="muted" data-testid="dashboard-window">
        {label}: {formatDateTime(timeWindow.since, { seconds: false })} to {formatDateTime(timeWindow.until, { seconds: false })}, per{" "}
        {timeWindow.bucket}. Counts only; no personal data.
      </p>
      <DashboardPanels timeWindow={timeWindow} />
    </section>
  );
}

function DashboardPanels({ timeWindow }: { timeWindow: TimeWindow }) {
  const query = windowQuery(timeWindow);
  const span = { since: query.since, until: query.until };
  const per = timeWindow.bucket === "hour" ? "hour" : "day";
  const alerts = useDashboardResource("/api/v1/dashboards/alerts", query);
  const incidents = useDashboardResource("/api/v1/dashboards/incidents", query);
  const plateReads = useDashboardResource("/api/v1/dashboards/plate-reads", query);
  const uptime = useDashboardResource("/api/v1/dashboards/camera-uptime", span);
  const response = useDashboardResource("/api/v1/dispatch/metrics", span);
  const alarmQuality = useDashboardResource("/api/v1/alerts/quality", span);
  return (
    <div className="dash-grid">
      <UptimePanel resource={uptime} />
      <CountSeriesPanel
        title={`Alerts per ${per}, by severity`}
        what="alert counts"
        emptyText="No alerts in this window."
        resource={alerts}
        styleOf={severityStyle}
        testId="dashboard-alerts"
      />
      <CountSeriesPanel
        title={`Incidents per ${per}, by priority`}
        what="incident counts"
        emptyText="No incidents in this window."
        resource={incidents}
        styleOf={priorityStyle}
        testId="dashboard-incidents"
      />
      <ResponseTimesPanel resource={response} />
      <AlarmQualityPanel resource={alarmQuality} />
      <CountSeriesPanel
        title={`Plate reads per ${per}`}
        what="plate read counts"
        emptyText="No plate reads in this window."
        resource={plateReads}
        styleOf={plateReadStyle}
        testId="dashboard-plate-reads"
      />
    </div>
  );
}
