import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useParams } from "react-router";
import { ApiError } from "../../api/client";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { alertApi } from "./api";
import { describeError } from "../../api/errors";
import { AlertDetail, type ActionMessage } from "./AlertDetail";
import { AlertQueueList } from "./AlertQueueList";
import { DismissDialog, IncidentDialog } from "./dialogs";
import { useNow } from "../../hooks/useNow";
import { useCameraNames } from "./hooks";
import { commandFor, keyContextOf, moveIndex, type QueueCommand } from "./keyboard";
import {
  ACTION_PAST,
  DEFAULT_FILTERS,
  dispositionOf,
  isAllowed,
  isCloseAction,
  refusalReason,
  type AlertAction,
  type CloseAction,
  type QueueFilters,
} from "./queue";
import { LiveIndicator } from "../incidents/Badges";
import { QueueFiltersBar, ShortcutHelp } from "./QueueParts";
import type { Alert } from "./types";
import { useAlertQueue } from "./useAlertQueue";
import { t } from "../../i18n/catalogue";
import { AlarmAreaPicker } from "./AlarmAreaPicker";

type OpenDialog = { kind: "dismiss" | "incident"; alert: Alert } | null;

/** An alert opened by link (/alerts/42) that the current filters do not list. */
function useLinkedAlert(linkedId: number | null, listed: boolean) {
  const { client } = useAuth();
  const [linked, setLinked] = useState<Alert | null>(null);
  useEffect(() => {
    if (linkedId === null || listed) return;
    const controller = new AbortController();
    alertApi.get(client, linkedId, controller.signal).then(setLinked, () => setLinked(null));
    return () => controller.abort();
  }, [client, linkedId, listed]);
  return [linked?.id === linkedId ? linked : null, setLinked] as const;
}

export function AlertQueuePage() {
  const { client, can } = useAuth();
  const permissions = useMemo(
    () => ({ act: can(Permission.ALERTS_ACT), manageIncidents: can(Permission.INCIDENTS_MANAGE) }),
    [can],
  );
  const params = useParams();
  const linkedId = params.alertId && /^\d+$/.test(params.alertId) ? Number(params.alertId) : null;
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const { resource, alerts, put, live, announcement } = useAlertQueue(filters);
  const { cameras, cameraName } = useCameraNames();
  const now = useNow(15_000);

  const [activeId, setActiveId] = useState<number | null>(linkedId);
  const activeIndex = alerts.findIndex((a) => a.id === activeId);
  const [linked, setLinked] = useLinkedAlert(linkedId, activeIndex >= 0 && activeId === linkedId);
  const lastIndex = useRef(0);
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // When the active alert leaves the list (dismissed under the "open" filter), its neighbour takes over.
  useEffect(() => {
    if (activeIndex >= 0) {
      lastIndex.current = activeIndex;
      return;
    }
    if (activeId !== null && activeId === linked?.id) return;
    const next = alerts[Math.min(lastIndex.current, alerts.length - 1)];
    if (next) setActiveId(next.id);
  }, [activeIndex, activeId, alerts, linked]);

  const detailAlert = alerts[activeIndex] ?? (linked && linked.id === activeId ? linked : null);

  const update = useCallback(
    (alert: Alert) => {
      put(alert);
      setLinked((current) => (current?.id === alert.id ? alert : current));
    },
    [put, setLinked],
  );

  const [message, setMessage] = useState<ActionMessage | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // One status line for live news and finished actions (the acted-on alert may have left the list).
  const [notice, setNotice] = useState("");
  useEffect(() => setNotice(announcement), [announcement]);
  const succeeded = useCallback((alertId: number, text: string, incidentId?: number) => {
    setMessage({ alertId, kind: "ok", text, incidentId });
    setNotice(text);
  }, []);
  const command = useMutation(
    (alert: Alert, action: "acknowledge" | "escalate" | CloseAction) =>
      isCloseAction(action)
        ? alertApi.close(client, alert.id, dispositionOf(action))
        : (action === "acknowledge" ? alertApi.acknowledge : alertApi.escalate)(client, alert.id),
    {
      onSuccess: (changed, alert, action) => {
        update(changed);
        succeeded(alert.id, `Alert ${alert.id} ${ACTION_PAST[action]}.`);
      },
      onError: (caught, alert) => {
        const text = describeError(caught);
        setMessage({ alertId: alert.id, kind: "error", text });
        setNotice(`Alert ${alert.id}: ${text}`);
        // Someone else changed it first: show what it is now.
        if (caught instanceof ApiError && caught.status === 409) alertApi.get(client, alert.id).then(update, () => undefined);
      },
    },
  );
  const busy = command.busy;
  const runAlertCommand = command.run;

  const act = useCallback(
    async (alert: Alert, action: AlertAction) => {
      if (!isAllowed(alert, action, permissions)) {
        setMessage({ alertId: alert.id, kind: "error", text: refusalReason(alert, action, permissions) });
        return;
      }
      if (action === "dismiss" || action === "incident") {
        setDialog({ kind: action, alert });
        return;
      }
      if (action === "assign") return; // the assign form does this itself
      await runAlertCommand(alert, action);
    },
    [permissions, runAlertCommand],
  );

  const runCommand = (command: QueueCommand) => {
    switch (command) {
      case "next":
      case "previous":
      case "first":
      case "last": {
        const next = alerts[moveIndex(activeIndex, command, alerts.length)];
        if (next) setActiveId(next.id);
        return;
      }
      case "open":
        headingRef.current?.focus();
        return;
      default:
        if (detailAlert && !busy) void act(detailAlert, command);
    }
  };
  const runCommandRef = useRef(runCommand);
  runCommandRef.current = runCommand;
  const dialogOpen = dialog !== null;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || dialogOpen) return;
      const command = commandFor(event, keyContextOf(event.target, listRef.current));
      if (!command) return;
      event.preventDefault();
      runCommandRef.current(command);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [dialogOpen]);

  if (!can(Permission.EVENTS_READ)) {
    return <p className="state">{t("alerts.yourRoleMayConfirm")}</p>;
  }

  return (
    <div className="alerts-layout">
      <section className="alerts-queue-column" aria-labelledby="alert-queue-title">
        <div className="section-head">
          <h2 id="alert-queue-title">
            {t("alerts.queue")} <span className="muted">{t("alerts.shown", { count: alerts.length })}</span>
          </h2>
          <LiveIndicator testId="alerts-live-status" status={live} />
        </div>
        <QueueFiltersBar filters={filters} cameras={cameras} onChange={setFilters} />
        <AlarmAreaPicker />
        <p className="muted alerts-announcement" role="status" data-testid="alerts-announcement">
          {notice}
        </p>
        <StateMessage
          resource={resource}
          what="alerts"
          empty={alerts.length === 0 ? <p className="state">{t("alerts.empty")}</p> : null}
        />
        <AlertQueueList
          alerts={alerts}
          activeId={activeId}
          listRef={listRef}
          cameraName={cameraName}
          now={now}
          onPick={(alert) => {
            setActiveId(alert.id);
            listRef.current?.focus();
          }}
        />
      </section>
      <div className="alerts-detail-column">
        {detailAlert ? (
          <AlertDetail
            alert={detailAlert}
            cameraName={cameraName(detailAlert.camera_id)}
            now={now}
            permissions={permissions}
            busy={busy}
            message={message}
            headingRef={headingRef}
            onAction={(action) => void act(detailAlert, action)}
            onAssigned={(alert) => {
              update(alert);
              succeeded(alert.id, t("alerts.alertAssignedTo", { id: alert.id, assigned_user: alert.assigned_user ?? "" }));
            }}
            onLeave={() => listRef.current?.focus()}
          />
        ) : (
          <p className="state card">{t("alerts.select")}</p>
        )}
        <ShortcutHelp />
      </div>
      {dialog?.kind === "dismiss" ? (
        <DismissDialog
          alert={dialog.alert}
          onCancel={() => setDialog(null)}
          onDismissed={(alert) => {
            setDialog(null);
            update(alert);
            succeeded(alert.id, `Alert ${alert.id} dismissed.`);
          }}
        />
      ) : null}
      {dialog?.kind === "incident" ? (
        <IncidentDialog
          alert={dialog.alert}
          onCancel={() => setDialog(null)}
          onCreated={(incident) => {
            const alertId = dialog.alert.id;
            setDialog(null);
            succeeded(alertId, t("alerts.incidentCreatedFromAlert", { id: incident.id, alertId }), incident.id);
            alertApi.get(client, alertId).then(update, () => undefined);
          }}
        />
      ) : null}
    </div>
  );
}
