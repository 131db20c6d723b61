import type { LiveStatus } from "../../live/LiveSocket";
import { statusText } from "../live/EventFeed";
import { INCIDENT_STATUS_LOOK, priorityLook, UNIT_STATUS_LOOK } from "./lifecycle";
import type { IncidentStatus, UnitStatus } from "./types";
import { t } from "../../i18n/catalogue";

function Badge({ color, label, testId }: { color: string; label: string; testId?: string }) {
  return (
    <span className="badge" style={{ borderColor: color }} data-testid={testId}>
      <span className="dot" style={{ background: color }} aria-hidden="true" />
      {label}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: number }) {
  const look = priorityLook(priority);
  return <Badge color={look.color} label={look.label} />;
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const look = INCIDENT_STATUS_LOOK[status] ?? { label: status, color: "#8b949e" };
  return <Badge color={look.color} label={look.label} testId="incident-status" />;
}

export function UnitStatusBadge({ status }: { status: UnitStatus }) {
  const look = UNIT_STATUS_LOOK[status] ?? { label: status, color: "#8b949e" };
  return <Badge color={look.color} label={look.label} testId="unit-status" />;
}

/** Whether live updates are flowing; the page is only trustworthy while this says Connected. */
export function LiveIndicator({ status, testId = "dispatch-live-status" }: { status: LiveStatus; testId?: string }) {
  const tone = status.state === "connected" ? "ok" : status.state === "unauthorized" ? "unreachable" : "degraded";
  return (
    <span className={`pill pill-${tone}`} role="status" data-testid={testId} data-state={status.state}>
      <span className="dot" aria-hidden="true" />
      {t("incidents.liveUpdates", { statusText: statusText(status) })}
    </span>
  );
}

/** A page's heading with, beside it, whether its live updates are flowing. */
export function LivePageHead({ title, titleId, live }: { title: string; titleId?: string; live: LiveStatus }) {
  return (
    <div className="page-head">
      <h1 id={titleId}>{title}</h1>
      <LiveIndicator status={live} />
    </div>
  );
}
