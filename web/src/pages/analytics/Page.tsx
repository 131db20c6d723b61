import { useState } from "react";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { SinglePageRoutes } from "../../components/SinglePageRoutes";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { Options } from "../../components/Options";
import { RecordTable } from "../../components/RecordTable";
import { ToolbarField } from "../../components/ToolbarField";
import "./analytics.css";
import { BacktestChart } from "./BacktestChart";
import { HotspotMap } from "./HotspotMap";
import { latLon } from "./latLon";
import { t } from "../../i18n/catalogue";

export default function AnalyticsArea() {
  return <SinglePageRoutes page={<AnalyticsPage />} home="/analytics" />;
}

const MODELS = ["self-exciting", "kde", "blend"] as const;
type ModelName = (typeof MODELS)[number];
const modelLabel = (model: ModelName) => (model === "blend" ? t("analytics.blend") : model === "kde" ? "KDE" : model);
const PERIOD_DAYS = [1, 7, 28] as const;
const PERIOD_LABEL = { 1: "analytics.nextDay", 7: "analytics.nextWeek", 28: "analytics.next4Weeks" } as const;
const TREND_TEXT = { up: "▲ up", down: "▼ down", flat: "— flat" } as const;

/** Hotspot forecast per crime type and period, the top places with their trend, and the weekly backtest. */
export function AnalyticsPage() {
  const { client } = useAuth();
  const [kind, setKind] = useState("");
  const [days, setDays] = useState(7);
  const [model, setModel] = useState<ModelName>("self-exciting");
  const query = { kind: kind || undefined, days, model };
  const hotspots = useResource(
    (signal) => client.GET("/api/v1/crime/hotspots", { params: { query }, signal }),
    [client, kind, days, model],
  ).resource;
  const backtest = useResource(
    (signal) => client.GET("/api/v1/crime/backtest", { params: { query: { kind: kind || undefined, weeks: 8 } }, signal }),
    [client, kind],
  ).resource;
  const data = hotspots.data;

  return (
    <section className="analytics">
      <div className="page-head">
        <h1>{t("analytics.crimeAnalytics")}</h1>
        <div className="toolbar">
          <ToolbarField label={t("analytics.crimeType")}>
            <input value={kind} onChange={(e) => setKind(e.target.value)} placeholder={t("analytics.all")} />
          </ToolbarField>
          <ToolbarField label={t("analytics.period")}>
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <Options items={PERIOD_DAYS} label={(d) => t(PERIOD_LABEL[d])} />
            </select>
          </ToolbarField>
          <ToolbarField label={t("analytics.model")}>
            <ChoiceSelect values={MODELS} label={modelLabel} value={model} onChange={setModel} />
          </ToolbarField>
        </div>
      </div>
      {hotspots.status === "error" && <p role="alert">{t("analytics.couldNotLoadThe", { error: hotspots.error })}</p>}
      {hotspots.status === "loading" && <p role="status">{t("analytics.fittingTheModel")}</p>}
      {data && (
        <>
          <p>
            {t("analytics.eventsUsedCellsShaded", { events_used: data.events_used, days: data.days })}
          </p>
          <HotspotMap cells={data.cells} recent={data.recent} cellM={data.cell_m} />
          <h2>{t("analytics.topPlaces")}</h2>
          <RecordTable
            rows={data.top_places}
            rowKey={(place) => `${place.lat},${place.lon}`}
            columns={[
              { header: t("analytics.place"), cell: latLon },
              { header: t("analytics.expected"), cell: (place) => place.score.toFixed(2) },
              { header: t("analytics.last4Weeks"), cell: (place) => place.last_4_weeks },
              { header: t("analytics.n4WeeksBefore"), cell: (place) => place.previous_4_weeks },
              { header: t("analytics.trend"), cell: (place) => TREND_TEXT[place.trend] },
            ]}
          />
        </>
      )}
      <h2>{t("analytics.backtestPaiPerWeek")}</h2>
      {backtest.status === "error" && <p role="alert">{t("analytics.couldNotLoadThe2", { error: backtest.error })}</p>}
      {backtest.data && (
        <>
          <div className="analytics-chart">
            <BacktestChart models={backtest.data.models} />
          </div>
          <RecordTable
            rows={backtest.data.models}
            rowKey={(row) => row.model}
            columns={[
              { header: t("analytics.model"), cell: (row) => row.model },
              {
                header: t("analytics.pai95Interval"),
                cell: (row) => `${row.pai.toFixed(2)} (${row.pai_low.toFixed(2)}–${row.pai_high.toFixed(2)})`,
              },
              { header: t("analytics.hitRate"), cell: (row) => `${(100 * row.hit_rate).toFixed(1)} %` },
            ]}
          />
        </>
      )}
    </section>
  );
}
