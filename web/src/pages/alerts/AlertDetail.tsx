import { FieldError } from "../../components/FormField";
import { useId, useState, type FormEvent, type KeyboardEvent, type Ref } from "react";
import { Link } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { useMutation } from "../../api/useMutation";
import { alertApi } from "./api";
import { SeverityBadge, StatusBadge } from "./AlertQueueList";
import { formatAge, formatTime, kindLabel, mediaOf } from "./format";
import { mediaPath, useBlobUrl } from "../../api/useBlobUrl";
import type { Purpose } from "../../components/PurposeDialog";
import { isAllowed, type ActionPermissions, type AlertAction } from "./queue";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { FactList, type Fact } from "../../components/FactList";
import { subjectFacts } from "./subject";
import type { Alert } from "./types";
import { t, type MessageKey } from "../../i18n/catalogue";
import { Options } from "../../components/Options";

export interface ActionMessage {
  alertId: number;
  kind: "ok" | "error";
  text: string;
  incidentId?: number;
}

export function AlertDetail({
  alert,
  cameraName,
  now,
  permissions,
  busy,
  message,
  headingRef,
  onAction,
  onAssigned,
  onLeave,
}: {
  alert: Alert;
  cameraName: string;
  now: number;
  permissions: ActionPermissions;
  busy: boolean;
  message: ActionMessage | null;
  headingRef: Ref<HTMLHeadingElement>;
  onAction: (action: AlertAction) => void;
  onAssigned: (alert: Alert) => void;
  /** Escape inside the details goes back to the queue. */
  onLeave: () => void;
}) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !(event.target instanceof Element && event.target.closest("[role=dialog]"))) onLeave();
  };
  return (
    <section className="alert-detail card" aria-labelledby="alert-detail-title" onKeyDown={onKeyDown} data-testid="alert-detail">
      <h2 id="alert-detail-title" ref={headingRef} tabIndex={-1}>
        {t("alerts.alert", { id: alert.id, title: alert.title })}
      </h2>
      <div className="alert-detail-badges">
        <SeverityBadge severity={alert.severity} />
        <StatusBadge alert={alert} />
        {alert.requires_confirmation ? <span className="badge">{t("alerts.needsTwoPersonConfirmation")}</span> : null}
      </div>
      <AlertMedia alert={alert} cameraName={cameraName} />
      <AlertFacts alert={alert} cameraName={cameraName} now={now} />
      <AlertActions alert={alert} permissions={permissions} busy={busy} message={message} onAction={onAction} />
      {permissions.act && isAllowed(alert, "assign", permissions) ? (
        <AssignForm alert={alert} onAssigned={onAssigned} />
      ) : null}
    </section>
  );
}

function ageText(iso: string, now: number): string {
  const age = formatAge(iso, now);
  return age === "just now" ? age : `${age} ago`;
}

function AlertFacts({ alert, cameraName, now }: { alert: Alert; cameraName: string; now: number }) {
  const rows: Fact[] = [
    [t("alerts.type"), kindLabel(alert)],
    ...subjectFacts(alert),
    [t("alerts.filter.camera"), alert.camera_id ? <>{cameraName} <PlayVideoLink cameraId={alert.camera_id} moment={alert.first_seen} /></> : cameraName],
    [t("alerts.firstSeen"), `${formatTime(alert.first_seen)} (${ageText(alert.first_seen, now)})`],
    [t("alerts.lastSeen"), formatTime(alert.last_seen)],
    [t("alerts.occurrences"), String(alert.count)],
  ];
  if (alert.acknowledged_by) rows.push([t("alerts.acknowledgedBy"), alert.acknowledged_by]);
  if (alert.assigned_user || alert.assigned_unit)
    rows.push([t("alerts.assignedTo"), alert.assigned_user ?? `unit ${alert.assigned_unit ?? ""}`]);
  if (alert.escalation_level > 0) rows.push([t("alerts.escalationLevel"), String(alert.escalation_level)]);
  if (alert.dismissed_reason) rows.push([t("alerts.dismissalReason"), alert.dismissed_reason]);
  if (alert.confirmed_by) rows.push([t("alerts.confirmedBy"), alert.confirmed_by.split(",").join(" and ")]);
  if (alert.incident_id !== null)
    rows.push([t("alerts.incident2"), <Link to={`/incidents/${alert.incident_id}`}>{t("alerts.incident", { incident_id: alert.incident_id })}</Link>]);
  return <FactList className="alert-facts" facts={rows} />;
}

function AlertMedia({ alert, cameraName }: { alert: Alert; cameraName: string }) {
  const { snapshot, crop, enrolled } = mediaOf(alert);
  if (!snapshot && !crop && !enrolled) return <p className="muted">{t("alerts.noSnapshotOrCrop")}</p>;
  return (
    <div className="alert-media">
      {snapshot ? <MediaFigure sha256={snapshot} caption={`Snapshot, ${cameraName}`} /> : null}
      {crop ? <MediaFigure sha256={crop} caption={alert.kind === "face_candidate" ? t("alerts.sightingCrop") : t("alerts.crop")} /> : null}
      {enrolled ? <MediaFigure sha256={enrolled} caption={t("alerts.watchlistImage")} /> : null}
    </div>
  );
}

export function MediaFigure({ sha256, caption, purpose }: { sha256: string; caption: string; purpose?: Purpose | null }) {
  const media = useBlobUrl(mediaPath(sha256, purpose));
  return (
    <figure className="media-figure">
      <div className="media-frame">
        {media.status === "ready" ? (
          <img src={media.url} alt={caption} />
        ) : (
          <span className="muted">{media.status === "failed" ? t("alerts.imageNotAvailable") : t("alerts.loadingImage")}</span>
        )}
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

const ACTION_BUTTONS: { action: Exclude<AlertAction, "assign">; label: MessageKey; shortcut?: string; className: string }[] = [
  { action: "acknowledge", label: "alerts.action.acknowledge", shortcut: "a", className: "btn btn-primary" },
  { action: "escalate", label: "alerts.action.escalate", className: "btn" },
  { action: "dismiss", label: "alerts.action.dismiss", shortcut: "d", className: "btn btn-danger" },
  { action: "incident", label: "alerts.action.incident", shortcut: "i", className: "btn" },
  { action: "close_true", label: "alerts.action.closeTrue", shortcut: "t", className: "btn" },
  { action: "close_false", label: "alerts.action.closeFalse", shortcut: "f", className: "btn" },
  { action: "close_nuisance", label: "alerts.action.closeNuisance", shortcut: "n", className: "btn" },
];

function AlertActions({
  alert,
  permissions,
  busy,
  message,
  onAction,
}: {
  alert: Alert;
  permissions: ActionPermissions;
  busy: boolean;
  message: ActionMessage | null;
  onAction: (action: AlertAction) => void;
}) {
  const offered = ACTION_BUTTONS.filter((b) => isAllowed(alert, b.action, permissions));
  return (
    <div className="alert-actions" role="group" aria-label={t("alerts.actions")}>
      {offered.length === 0 ? (
        <p className="muted">{t("alerts.noActionsThisAlert", { status: alert.status, value: alert.incident_id !== null ? t("alerts.andHasAnIncident") : "" })}</p>
      ) : (
        offered.map((b) => (
          <button
            key={b.action}
            type="button"
            className={b.className}
            disabled={busy}
            aria-keyshortcuts={b.shortcut}
            onClick={() => onAction(b.action)}
          >
            {t(b.label)}
            {b.shortcut ? <kbd className="shortcut-hint" aria-hidden="true">{b.shortcut}</kbd> : null}
          </button>
        ))
      )}
      {message && message.alertId === alert.id ? (
        <p className={message.kind === "ok" ? "state state-ok" : "field-error"} role={message.kind === "ok" ? "status" : "alert"} data-testid="alert-action-message">
          {message.text}
          {message.incidentId !== undefined ? (
            <>
              {" "}
              <Link to={`/incidents/${message.incidentId}`}>{t("alerts.openIncident", { id: message.incidentId })}</Link>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Assign to a user: free text (the user list needs users.manage, so it only suggests names when the role
 * may read it) or "Assign to me".
 */
function AssignForm({ alert, onAssigned }: { alert: Alert; onAssigned: (alert: Alert) => void }) {
  const { client, can, session } = useAuth();
  const mayListUsers = can(Permission.USERS_MANAGE);
  const { resource } = useResource(
    (signal) => (mayListUsers ? client.GET("/api/v1/users", { signal }) : Promise.resolve([])),
    [client, mayListUsers],
  );
  const users = (resource.data ?? []).filter((u) => u.is_active);
  const [user, setUser] = useState("");
  const assignment = useMutation((to: string) => alertApi.assign(client, alert.id, to), {
    onSuccess: (assigned) => {
      onAssigned(assigned);
      setUser("");
    },
  });
  const { busy, error } = assignment;
  const id = useId();
  const me = session?.user.username ?? "";

  const assign = (to: string) =>
    to.trim() ? assignment.run(to.trim()) : assignment.fail(t("alerts.enterTheUsernameTo"));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void assign(user);
  };

  return (
    <form className="assign-form" onSubmit={submit} noValidate>
      <div className="field field-inline">
        <label htmlFor={`${id}-user`}>{t("alerts.assignToUser")}</label>
        <input
          id={`${id}-user`}
          value={user}
          list={users.length ? `${id}-users` : undefined}
          autoComplete="off"
          maxLength={64}
          onChange={(e) => setUser(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {users.length ? (
          <datalist id={`${id}-users`}>
            <Options items={users} value={(u) => u.username} label={(u) => u.full_name} />
          </datalist>
        ) : null}
        <button type="submit" className="btn" disabled={busy}>
          {t("alerts.assign")}
        </button>
        {me && alert.assigned_user !== me ? (
          <button type="button" className="btn btn-quiet" disabled={busy} onClick={() => void assign(me)}>
            {t("alerts.assignToMe")}
          </button>
        ) : null}
      </div>
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </form>
  );
}
