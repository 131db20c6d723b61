import { useEffect } from "react";
import type { Health } from "../api/types";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthContext";
import { StateMessage } from "../components/StateMessage";

const REFRESH_MS = 15_000;

export function SystemPage() {
  const { client } = useAuth();
  const { resource, reload } = useResource(
    // 503 still carries the per-check report.
    (signal) => client.get<Health>("/api/health", { signal, auth: false, acceptStatus: [503] }),
    [client],
  );
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const health = resource.data;
  return (
    <section>
      <div className="page-head">
        <h1>System health</h1>
        <button type="button" className="btn btn-quiet" onClick={reload}>
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
            <thead>
              <tr>
                <th scope="col">Component</th>
                <th scope="col">State</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
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
    </section>
  );
}
