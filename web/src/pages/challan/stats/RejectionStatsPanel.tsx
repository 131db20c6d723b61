import { useState } from "react";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { StateMessage } from "../../../components/StateMessage";
import { useCameraName } from "../cameraNames";
import { formatPercent, reasonLabel } from "../labels";
import type { CameraRejectionStats, RejectionStats } from "../types";
import { decidedCount, PERIODS, reasonRows, sinceFor, type Period } from "./rates";

/** Why officers reject violations, overall and per camera: misreading readers and faulty cameras stand out. */
export function RejectionStatsPanel() {
  const { client } = useAuth();
  const [period, setPeriod] = useState<Period>("7");
  const { resource } = useResource(
    (signal) =>
      client.get<RejectionStats>("/api/v1/challan/stats/rejections", {
        query: { since: sinceFor(period, new Date()) },
        signal,
      }),
    [client, period],
  );
  const stats = resource.data;
  return (
    <section aria-labelledby="challan-stats-title">
      <div className="page-head">
        <h2 id="challan-stats-title">Rejection statistics</h2>
        <div className="field field-inline">
          <label htmlFor="challan-stats-period">Decided in</label>
          <select id="challan-stats-period" value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            {PERIODS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <StateMessage resource={resource} what="rejection statistics" />
      {stats ? (
        decidedCount(stats) === 0 ? (
          <p className="state">No decisions in this period.</p>
        ) : (
          <>
            <ReasonTable stats={stats} />
            <CameraTable cameras={stats.by_camera} />
          </>
        )
      ) : null}
    </section>
  );
}

function ReasonTable({ stats }: { stats: RejectionStats }) {
  const rows = reasonRows(stats);
  return (
    <>
      <h3>By reason</h3>
      {rows.length === 0 ? (
        <p className="state">No rejections: every decided violation was accepted.</p>
      ) : (
        <table className="table challan-stats" data-testid="stats-by-reason">
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Rejections</th>
              <th scope="col">Share of rejections</th>
              <th scope="col">Rate among {decidedCount(stats)} decided</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.reason}>
                <th scope="row">{reasonLabel(row.reason)}</th>
                <td>{row.rejections}</td>
                <td>{formatPercent(row.shareOfRejections)}</td>
                <td>
                  <RateBar fraction={row.rateOfDecided} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function CameraTable({ cameras }: { cameras: readonly CameraRejectionStats[] }) {
  const cameraName = useCameraName();
  return (
    <>
      <h3>By camera</h3>
      <table className="table challan-stats" data-testid="stats-by-camera">
        <thead>
          <tr>
            <th scope="col">Camera</th>
            <th scope="col">Accepted</th>
            <th scope="col">Rejected</th>
            <th scope="col">Duplicates</th>
            <th scope="col">Rejection rate</th>
            <th scope="col">Reasons</th>
          </tr>
        </thead>
        <tbody>
          {cameras.map((camera) => (
            <tr key={camera.camera_id}>
              <th scope="row">{cameraName(camera.camera_id)}</th>
              <td>{camera.accepted}</td>
              <td>{camera.rejected}</td>
              <td>{camera.duplicates}</td>
              <td>
                <RateBar fraction={camera.rejection_rate} />
              </td>
              <td>
                {Object.entries(camera.by_reason)
                  .map(([reason, count]) => `${reasonLabel(reason)}: ${count}`)
                  .join(", ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The percentage in text, with a bar for scanning down the column. */
function RateBar({ fraction }: { fraction: number }) {
  return (
    <span className="challan-rate">
      <span className="challan-rate-text">{formatPercent(fraction)}</span>
      <span className="challan-rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, fraction * 100))}%` }} />
      </span>
    </span>
  );
}
