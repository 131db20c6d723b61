import { useCallback, useEffect, useState } from "react";
import { readHealth } from "../api/health";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthContext";
import { Permission } from "../auth/permissions";
import { StateMessage } from "../components/StateMessage";
import { TableHead } from "../components/TableHead";
import { WorkersPanel } from "./system/WorkersPanel";
import { checkFacts, consumerRows } from "./system/healthFacts";
import { RecordTable, type Column } from "../components/RecordTable";
import type { ConsumerRow } from "./system/healthFacts";
import { t } from "../i18n/catalogue";

const orDash = (value: number | null) => (value === null ? "—" : value);

/** The table's columns, headed in the current language. */
const consumerColumns = (): readonly Column<ConsumerRow>[] => [
  { header: t("system.consumer"), cell: (row) => row.name, rowHeader: true },
  { header: t("system.state"), cell: (row) => (row.running ? t("system.running") : t("system.stopped")) },
  { header: t("system.lagEventsNotYet"), cell: (row) => orDash(row.pending), className: "num" },
  { header: t("system.awaitingAcknowledgement"), cell: (row) => orDash(row.awaitingAck), className: "num" },
  { header: t("system.redelivered"), cell: (row) => orDash(row.redelivered), className: "num" },
];

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
        <h1>{t("system.systemHealth")}</h1>
        <button type="button" className="btn btn-quiet" onClick={refresh}>
          {t("system.refresh")}
        </button>
      </div>
      <StateMessage resource={resource} what={t("system.systemHealth2")} />
      {health ? (
        <>
          <p>
            <span className={`pill pill-${health.status === "ok" ? "ok" : "unreachable"}`} data-testid="system-status">
              <span className="dot" aria-hidden="true" />
              {health.status === "ok" ? t("system.allChecksPassing") : t("system.degraded")}
            </span>{" "}
            <span className="muted">{t("system.safecity", { version: health.version })}</span>
          </p>
          <table className="table" data-testid="health-table">
            <TableHead columns={[t("system.component"), t("system.state"), t("system.details")]} />
            <tbody>
              {Object.entries(health.checks).map(([name, check]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{check.ok ? "OK" : t("system.failing")}</td>
                  <td>{checkFacts(check).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t("system.eventBusConsumers")}</h2>
          {consumerRows(health.checks.bus).length === 0 ? (
            <p className="muted">{t("system.theBusReportsNo")}</p>
          ) : (
            <RecordTable
              rows={consumerRows(health.checks.bus)}
              rowKey={(row) => row.name}
              columns={consumerColumns()}
              caption={t("system.eventBusConsumers")}
              rowClassName={(row) => (row.running ? undefined : "row-disabled")}
              testId="consumers-table"
            />
          )}
        </>
      ) : null}
      {can(Permission.CAMERAS_READ) ? <WorkersPanel refreshes={refreshes} /> : null}
    </section>
  );
}
