import { useState } from "react";
import { Navigate, Route, Routes } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import "./analytics.css";
import { BacktestChart } from "./BacktestChart";
import { HotspotMap } from "./HotspotMap";

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
        <h1>Crime analytics</h1>
        <div className="toolbar">
          <label>
            Crime type <input value={kind} onChange={(e) => setKind(e.target.value)} placeholder="all" />
          </label>
          <label>
            Period{" "}
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <option value={1}>next day</option>
              <option value={7}>next week</option>
              <option value={28}>next 4 weeks</option>
            </select>
          </label>
          <label>
            Model{" "}
            <select value={model} onChange={(e) => setModel(e.target.value as ModelName)}>
              <option value="self-exciting">self-exciting</option>
              <option value="kde">KDE</option>
              <option value="blend">blend</option>
            </select>
          </label>
        </div>
      </div>
      {hotspots.status === "error" && <p role="alert">Could not load the forecast: {hotspots.error}</p>}
      {hotspots.status === "loading" && <p role="status">Fitting the model…</p>}
      {data && (
        <>
          <p>
            {data.events_used} events used; cells shaded by expected events in the next {data.days} days, points
            are the last 4 weeks.
          </p>
          <HotspotMap cells={data.cells} recent={data.recent} cellM={data.cell_m} />
          <h2>Top places</h2>
          <table>
            <thead>
              <tr>
                <th>Place</th>
                <th>Expected</th>
                <th>Last 4 weeks</th>
                <th>4 weeks before</th>
                <th>Trend</th>
              </tr>
            </thead>
            <tbody>
              {data.top_places.map((place) => (
                <tr key={`${place.lat},${place.lon}`}>
                  <td>
                    {place.lat.toFixed(4)}, {place.lon.toFixed(4)}
                  </td>
                  <td>{place.score.toFixed(2)}</td>
                  <td>{place.last_4_weeks}</td>
                  <td>{place.previous_4_weeks}</td>
                  <td>{TREND_TEXT[place.trend]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Backtest: PAI per week at 5 % of the area</h2>
      {backtest.status === "error" && <p role="alert">Could not load the backtest: {backtest.error}</p>}
      {backtest.data && (
        <>
          <div className="analytics-chart">
            <BacktestChart models={backtest.data.models} />
          </div>
          <table>
            <thead>
              <tr>
                <th>Model</th>
                <th>PAI (95 % interval)</th>
                <th>Hit rate</th>
              </tr>
            </thead>
            <tbody>
              {backtest.data.models.map((row) => (
                <tr key={row.model}>
                  <td>{row.model}</td>
                  <td>
                    {row.pai.toFixed(2)} ({row.pai_low.toFixed(2)}–{row.pai_high.toFixed(2)})
                  </td>
                  <td>{(100 * row.hit_rate).toFixed(1)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
