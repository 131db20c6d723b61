import { useEffect, useMemo } from "react";
import type { Schemas } from "../../api/schemas";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { RecordTable, orDash, type Column } from "../../components/RecordTable";
import { StateMessage } from "../../components/StateMessage";
import { useNow } from "../../hooks/useNow";
import { formatAge, formatTime } from "../alerts/format";
import "./system.css";
import { msg, t, translated } from "../../i18n/catalogue";

type Worker = Schemas["WorkerStatus"];
type CameraLease = Schemas["CameraLeaseStatus"];
type LeaseState = CameraLease["state"];

/** Workers renew every 3 s and a camera's lease lasts 12 s, so a few seconds keeps the table current. */
export const WORKERS_REFRESH_MS = 5_000;

type WorkerState = "alive" | "silent" | "lost" | "stopped";

interface StateStyle {
  label: string;
  pill: string;
  hint: string;
}

const WORKER_STATE = translated<Record<WorkerState, StateStyle>>({
  alive: { label: msg("system.alive"), pill: "pill-ok", hint: msg("system.reportingAndRenewingIts") },
  silent: { label: msg("system.silent"), pill: "pill-degraded", hint: msg("system.stoppedReportingNotYet") },
  lost: { label: msg("system.lost"), pill: "pill-unreachable", hint: msg("system.silentTooLongA") },
  stopped: { label: msg("system.stopped"), pill: "pill-stopped", hint: msg("system.stoppedOnPurposeIts") },
});

const LEASE_STATE = translated<Record<LeaseState, StateStyle>>({
  held: { label: msg("system.held"), pill: "pill-ok", hint: "" },
  orphaned: { label: msg("system.orphaned"), pill: "pill-unreachable", hint: msg("system.itsWorkerStoppedReporting") },
  unheld: { label: msg("system.unheld"), pill: "pill-degraded", hint: msg("system.noWorkerRunsIt") },
});

/**
 * What the operator should read from a worker's row; `alive` comes from the server (heartbeat within a
 * lease). A `lost_at` older than the last report belongs to an earlier loss the monitor has not cleared yet.
 */
function workerState(worker: Worker): WorkerState {
  if (worker.alive) return "alive";
  if (worker.stopped_at) return "stopped";
  const declaredLost = worker.lost_at !== null && Date.parse(worker.lost_at) >= Date.parse(worker.heartbeat_at);
  return declaredLost ? "lost" : "silent";
}

/** Cost units as the CLI shows them: "3.0 / 16" (load with one decimal, capacity as configured). */
function loadText(worker: Worker): string {
  const capacity = Number.isInteger(worker.capacity) ? String(worker.capacity) : worker.capacity.toFixed(1);
  return `${worker.load.toFixed(1)} / ${capacity}`;
}

function LoadBar({ worker }: { worker: Worker }) {
  const share = worker.capacity > 0 ? worker.load / worker.capacity : 0;
  return (
    <span className="load">
      <span className="load-bar" aria-hidden="true">
        <span className={share > 1 ? "load-fill load-over" : "load-fill"} style={{ width: `${Math.min(share, 1) * 100}%` }} />
      </span>
      <span className="load-text">{loadText(worker)}</span>
    </span>
  );
}

function StatePill({ pill, label, title }: { pill: string; label: string; title?: string }) {
  return (
    <span className={`pill ${pill}`} title={title || undefined}>
      <span className="dot" aria-hidden="true" />
      {label}
    </span>
  );
}

/**
 * "8 s ago", "4 min ago": when a worker last reported, ticking each second. Seconds where `formatAge` says
 * "just now" (under 45 s): a worker reports every few seconds and is declared lost after some twenty.
 */
function reportAge(iso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds)) return "";
  return seconds < 45 ? t("system.sAgo", { seconds }) : `${formatAge(iso, now)} ago`;
}

function LastReport({ iso }: { iso: string }) {
  const now = useNow(1_000);
  return (
    <time dateTime={iso} title={formatTime(iso)}>
      {reportAge(iso, now)}
    </time>
  );
}

/** Cameras nobody watches first (orphaned, then unheld), each group in the server's order (by id). */
const LEASE_ORDER: Record<LeaseState, number> = { orphaned: 0, unheld: 1, held: 2 };

/**
 * The System page's "Workers" section (GET /api/v1/cluster): each camera worker with its state, load and
 * last report, and each enabled camera's lease; cameras nobody watches (orphaned, unheld) stand out.
 * Reloads every few seconds and whenever `refreshes` changes (the page's Refresh button).
 */
export function WorkersPanel({ refreshes = 0 }: { refreshes?: number }) {
  const { client } = useAuth();
  const { resource, reload } = useResource((signal) => client.GET("/api/v1/cluster", { signal }), [client, refreshes]);
  useEffect(() => {
    const timer = setInterval(reload, WORKERS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const { names } = useCameraRegistry();

  const cluster = resource.data;
  const unwatched = cluster?.cameras.filter((camera) => camera.state !== "held") ?? [];
  const cameras = useMemo(
    () => [...(cluster?.cameras ?? [])].sort((a, b) => LEASE_ORDER[a.state] - LEASE_ORDER[b.state]),
    [cluster],
  );
  const alive = cluster?.workers.filter((worker) => worker.alive).length ?? 0;

  const workerColumns: Column<Worker>[] = [
    { header: t("system.worker"), cell: (worker) => worker.id, rowHeader: true },
    {
      header: t("system.state"),
      cell: (worker) => {
        const state = WORKER_STATE[workerState(worker)];
        return <StatePill pill={state.pill} label={state.label} title={state.hint} />;
      },
    },
    { header: "Load / capacity", cell: (worker) => <LoadBar worker={worker} /> },
    { header: t("system.cameras"), cell: (worker) => worker.cameras.length, className: "cell-number" },
    { header: t("system.lastReport"), cell: (worker) => <LastReport iso={worker.heartbeat_at} /> },
    { header: t("system.address"), cell: (worker) => orDash(worker.address) },
  ];
  const cameraColumns: Column<CameraLease>[] = [
    {
      header: t("system.camera"),
      rowHeader: true,
      cell: (camera) => {
        const name = names.get(camera.id);
        return name && name !== camera.id ? (
          <>
            {name} <span className="muted">({camera.id})</span>
          </>
        ) : (
          camera.id
        );
      },
    },
    { header: t("system.worker"), cell: (camera) => orDash(camera.worker) },
    { header: t("system.epoch"), cell: (camera) => orDash(camera.epoch), className: "cell-number" },
    {
      header: t("system.lease"),
      cell: (camera) => {
        const state = LEASE_STATE[camera.state];
        return (
          <>
            <StatePill pill={state.pill} label={state.label} />
            {state.hint ? <span className="muted"> ({state.hint})</span> : null}
          </>
        );
      },
    },
  ];

  return (
    <section aria-labelledby="workers-heading" className="workers-panel">
      <h2 id="workers-heading">{t("system.workers2")}</h2>
      <StateMessage resource={resource} what="workers" />
      {cluster ? (
        <>
          <p data-testid="workers-summary">
            {t("system.workersAlive", { alive, count: cluster.workers.length })} · {t("system.cameraCount", { count: cluster.cameras.length })}
            {unwatched.length ? (
              <strong className="unwatched-count">
                {" "}{t("system.notWatchedByAny", { count: unwatched.length })}
              </strong>
            ) : (
              t("system.allWatched")
            )}
          </p>
          {cluster.workers.length ? (
            <RecordTable
              rows={cluster.workers}
              rowKey={(worker) => worker.id}
              columns={workerColumns}
              caption={t("system.cameraWorkers")}
              rowClassName={(worker) => (workerState(worker) === "stopped" ? "row-disabled" : undefined)}
              testId="workers-table"
            />
          ) : (
            <p className="muted">
              {t("system.noWorkerHasReported")}{" "}<code>{t("system.safecityWorker")}</code>.
            </p>
          )}
          <h3 className="workers-subhead">{t("system.cameraLeases")}</h3>
          {cluster.cameras.length ? (
            <RecordTable
              rows={cameras}
              rowKey={(camera) => camera.id}
              columns={cameraColumns}
              caption={t("system.whichWorkerRunsEach")}
              rowClassName={(camera) => (camera.state === "held" ? undefined : `row-unwatched row-${camera.state}`)}
              testId="camera-leases-table"
            />
          ) : (
            <p className="muted">{t("system.noEnabledCameras")}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
