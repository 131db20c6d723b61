import { useState } from "react";
import { Navigate, Route, Routes } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { RecordTable } from "../../components/RecordTable";
import "./analytics.css";
import { BacktestChart } from "./BacktestChart";
import { HotspotMap } from "./HotspotMap";
import { latLon } from "./latLon";
import { t } from "../../i18n/catalogue";

export default function AnalyticsArea() {
  return (
    <Routes>
      <Route index element={<AnalyticsPage />} />
      <Route path="*" element={<Navigate to="/analytics" replace />} />
    </Routes>
  );
}

type ModelName = "self-exciting" | "kde" | "blend";
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
          <label>
            {t("analytics.crimeType")}{" "}<input value={kind} onChange={(e) => setKind(e.target.value)} placeholder={t("analytics.all")} />
          </label>
          <label>
            {t("analytics.period")}{" "}
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <option value={1}>{t("analytics.nextDay")}</option>
              <option value={7}>{t("analytics.nextWeek")}</option>
              <option value={28}>{t("analytics.next4Weeks")}</option>
            </select>
          </label>
          <label>
            {t("analytics.model")}{" "}
            <select value={model} onChange={(e) => setModel(e.target.value as ModelName)}>
              <option value="self-exciting">self-exciting</option>
              <option value="kde">KDE</option>
              <option value="blend">{t("analytics.blend")}</option>
            </select>
          </label>
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
