import { useCallback, useEffect, useState } from "react";
import { readHealth } from "../api/health";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthContext";
import { Permission } from "../auth/permissions";
import { StateMessage } from "../components/StateMessage";
import { TableHead } from "../components/TableHead";
import { WorkersPanel } from "./system/WorkersPanel";

const REFRESH_MS = 15_000;

export function SystemPage() {
  const { client, can } = useAuth();
  const { resource, reload } = useResource(
    (signal) => readHealth(client, signal),
    [client],
  );
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // The Refresh button reloads the workers too (they also refresh on their own, more often).
  const [refreshes, setRefreshes] = useState(0);
  const refresh = useCallback(() => {
    reload();
    setRefreshes((count) => count + 1);
  }, [reload]);

  const health = resource.data;
  return (
    <section>
      <div className="page-head">
        <h1>System health</h1>
        <button type="button" className="btn btn-quiet" onClick={refresh}>
          Refresh
        </button>
      </div>
      <StateMessage resource={resource} what="system health" />
      {health ? (
        <>
          <p>
            <span className={`pill pill-${health.status === "ok" ? "ok" : "unreachable"}`} data-testid="system-status">
              <span className="dot" aria-hidden="true" />
              {health.status === "ok" ? "All checks passing" : "Degraded"}
            </span>{" "}
            <span className="muted">safecity {health.version}</span>
          </p>
          <table className="table" data-testid="health-table">
            <TableHead columns={["Component", "State", "Details"]} />
            <tbody>
              {Object.entries(health.checks).map(([name, check]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{check.ok ? "OK" : "Failing"}</td>
                  <td>
                    {Object.entries(check)
                      .filter(([key, value]) => key !== "ok" && value !== null && value !== undefined)
                      .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {can(Permission.CAMERAS_READ) ? <WorkersPanel refreshes={refreshes} /> : null}
    </section>
  );
}
