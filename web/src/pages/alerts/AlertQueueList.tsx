import { useEffect, useRef, type Ref } from "react";
import { formatAge, formatTime, kindLabel, mediaOf, SEVERITY_LABEL, STATUS_LABEL } from "./format";
import { mediaPath, useBlobUrl } from "../../api/useBlobUrl";
import { useSeen } from "./hooks";
import type { Alert } from "./types";
import { t } from "../../i18n/catalogue";

export const optionId = (alertId: number) => `alert-option-${alertId}`;

/**
 * The queue as one focusable listbox: the active alert is tracked with aria-activedescendant, so screen
 * readers announce it while focus stays on the list and the shortcuts keep working.
 */
export function AlertQueueList({
  alerts,
  activeId,
  listRef,
  cameraName,
  now,
  onPick,
}: {
  alerts: readonly Alert[];
  activeId: number | null;
  listRef: Ref<HTMLUListElement>;
  cameraName: (id: string | null) => string;
  now: number;
  onPick: (alert: Alert) => void;
}) {
  return (
    <ul
      ref={listRef}
      className="alert-queue"
      role="listbox"
      aria-label={t("alerts.alertQueue")}
      tabIndex={0}
      aria-activedescendant={activeId !== null && alerts.some((a) => a.id === activeId) ? optionId(activeId) : undefined}
      data-testid="alert-queue"
    >
      {alerts.map((alert) => (
        <AlertRow
          key={alert.id}
          alert={alert}
          active={alert.id === activeId}
          cameraName={cameraName(alert.camera_id)}
          now={now}
          onPick={() => onPick(alert)}
        />
      ))}
    </ul>
  );
}

function AlertRow({
  alert,
  active,
  cameraName,
  now,
  onPick,
}: {
  alert: Alert;
  active: boolean;
  cameraName: string;
  now: number;
  onPick: () => void;
}) {
  const rowRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) rowRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [active]);
  return (
    <li
      ref={rowRef}
      id={optionId(alert.id)}
      role="option"
      aria-selected={active}
      className={`alert-row severity-${alert.severity} status-${alert.status}${active ? " alert-row-active" : ""}`}
      data-alert-id={alert.id}
      onClick={onPick}
    >
      <Thumbnail alert={alert} />
      <div className="alert-row-main">
        <div className="alert-row-line">
          <SeverityBadge severity={alert.severity} />
          <span className="alert-title">{alert.title}</span>
          {alert.count > 1 ? <span className="muted">×{alert.count}</span> : null}
        </div>
        <div className="alert-row-line alert-row-meta">
          <span>{kindLabel(alert)}</span>
          <span>{cameraName}</span>
          <time dateTime={alert.last_seen}>{formatTime(alert.last_seen)}</time>
          <span>
            <span className="visually-hidden">{t("alerts.age")}{" "}</span>
            {formatAge(alert.first_seen, now)}
          </span>
        </div>
      </div>
      <StatusBadge alert={alert} />
    </li>
  );
}

export function SeverityBadge({ severity }: { severity: Alert["severity"] }) {
  return (
    <span className={`badge severity-badge severity-badge-${severity}`}>
      <span className="visually-hidden">{t("alerts.filter.severity")}{" "}</span>
      {SEVERITY_LABEL[severity]}
    </span>
  );
}

export function StatusBadge({ alert }: { alert: Alert }) {
  const level = alert.status === "escalated" && alert.escalation_level > 1 ? ` ${alert.escalation_level}` : "";
  return (
    <span className={`status-badge status-badge-${alert.status}`} data-testid="alert-status">
      <span className="visually-hidden">{t("alerts.filter.status")}{" "}</span>
      {STATUS_LABEL[alert.status]}
      {level}
    </span>
  );
}

/** The snapshot, fetched only once the row scrolls into view (a busy queue holds hundreds). Decorative here:
 * the details panel shows and describes it. */
function Thumbnail({ alert }: { alert: Alert }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const seen = useSeen(frameRef);
  const { snapshot, crop } = mediaOf(alert);
  const sha256 = snapshot ?? crop;
  const media = useBlobUrl(sha256 ? mediaPath(sha256) : null, seen);
  if (media.status === "none") return null;
  return (
    <div ref={frameRef} className="alert-thumb">
      {media.status === "ready" ? <img src={media.url} alt="" /> : null}
    </div>
  );
}
