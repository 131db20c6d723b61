import { useMemo, useState } from "react";
import { SinglePageRoutes } from "../../components/SinglePageRoutes";
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
import { messageRecord, t } from "../../i18n/catalogue";

export default function DashboardsArea() {
  return <SinglePageRoutes page={<DashboardsPage />} home="/dashboards" />;
}

const SEVERITY_LABELS: Record<string, string> = messageRecord({
  critical: "dashboards.critical",
  high: "dashboards.high",
  medium: "dashboards.medium",
  low: "dashboards.low",
  info: "dashboards.info",
});

const severityStyle = (group: string, index: number): SeriesStyle =>
  rankedStyle(index, SEVERITY_LABELS[group] ?? group);
const priorityStyle = (group: string, index: number): SeriesStyle => rankedStyle(index, t("dashboards.priority", { group }));
const plateReadStyle = (): SeriesStyle => ({ label: t("dashboards.plateReads"), colour: themeColour("--link"), pattern: "solid" });

/** The counts per hour or day: where each comes from, its title (per hour/day), what it is and its empty text. */
const COUNT_PANELS = {
  alerts: {
    path: "/api/v1/dashboards/alerts",
    title: "dashboards.alertsPerBySeverity",
    what: "dashboards.alertCounts",
    empty: "dashboards.noAlertsInThis",
    styleOf: severityStyle,
    testId: "dashboard-alerts",
  },
  incidents: {
    path: "/api/v1/dashboards/incidents",
    title: "dashboards.incidentsPerByPriority",
    what: "dashboards.incidentCounts",
    empty: "dashboards.noIncidentsInThis",
    styleOf: priorityStyle,
    testId: "dashboard-incidents",
  },
  plateReads: {
    path: "/api/v1/dashboards/plate-reads",
    title: "dashboards.plateReadsPer",
    what: "dashboards.plateReadCounts",
    empty: "dashboards.noPlateReadsIn",
    styleOf: plateReadStyle,
    testId: "dashboard-plate-reads",
  },
} as const;

function CountsPanel({ panel, timeWindow }: { panel: keyof typeof COUNT_PANELS; timeWindow: TimeWindow }) {
  const { path, title, what, empty, styleOf, testId } = COUNT_PANELS[panel];
  const resource = useDashboardResource(path, windowQuery(timeWindow));
  const per = timeWindow.bucket === "hour" ? "hour" : "day";
  return (
    <CountSeriesPanel
      title={t(title, { per })}
      what={t(what)}
      emptyText={t(empty)}
      resource={resource}
      styleOf={styleOf}
      testId={testId}
    />
  );
}


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
        <h1>{t("dashboards.dashboards")}</h1>
        <div className="toolbar">
          <WindowSelector value={choice} onChange={setChoice} />
          <button type="button" className="btn" onClick={() => setRefreshes((n) => n + 1)}>
            {t("dashboards.refresh")}
          </button>
        </div>
      </div>
      <p className="muted" data-testid="dashboard-window">
        {t("dashboards.toPerCountsOnly", { label, time: formatDateTime(timeWindow.since, { seconds: false }), time2: formatDateTime(timeWindow.until, { seconds: false }), bucket: timeWindow.bucket })}
      </p>
      <DashboardPanels timeWindow={timeWindow} />
    </section>
  );
}

function DashboardPanels({ timeWindow }: { timeWindow: TimeWindow }) {
  const query = windowQuery(timeWindow);
  const span = { since: query.since, until: query.until };
  const uptime = useDashboardResource("/api/v1/dashboards/camera-uptime", span);
  const response = useDashboardResource("/api/v1/dispatch/metrics", span);
  const alarmQuality = useDashboardResource("/api/v1/alerts/quality", span);
  return (
    <div className="dash-grid">
      <UptimePanel resource={uptime} />
      <CountsPanel panel="alerts" timeWindow={timeWindow} />
      <CountsPanel panel="incidents" timeWindow={timeWindow} />
      <ResponseTimesPanel resource={response} />
      <AlarmQualityPanel resource={alarmQuality} />
      <CountsPanel panel="plateReads" timeWindow={timeWindow} />
    </div>
  );
}
