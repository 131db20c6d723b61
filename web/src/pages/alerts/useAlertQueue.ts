import { useCallback, useEffect, useRef, useState } from "react";
import type { LiveEvent } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { useLiveSocket } from "../../live/useLiveSocket";
import { t } from "../../i18n/catalogue";
import { SEVERITY_LABEL } from "./format";
import { actionOfEvent, alertOfEvent, alertsQuery, mergeAlert, sortAlerts, type QueueFilters } from "./queue";
import type { Alert } from "./types";

const ALERT_TOPICS = ["alert.>"];

/**
 * The filtered alert list from GET /api/v1/alerts, kept current by `alert.*` events on the live socket.
 * Events that arrive while a load is in flight are replayed onto its result, so none is lost; after a
 * reconnect the list is loaded again to catch what was missed.
 */
export function useAlertQueue(filters: QueueFilters) {
  const { client } = useAuth();
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const arrivedDuringLoad = useRef<Alert[] | null>(null);
  const query = alertsQuery(filters);
  const queryKey = JSON.stringify(query);
  const { resource, reload, setResource } = useResource<Alert[]>(async (signal) => {
    const arrived: Alert[] = [];
    arrivedDuringLoad.current = arrived;
    try {
      const loaded = sortAlerts(await client.GET("/api/v1/alerts", { params: { query }, signal }));
      return arrived.reduce((list, alert) => mergeAlert(list, alert, filtersRef.current), loaded);
    } finally {
      if (arrivedDuringLoad.current === arrived) arrivedDuringLoad.current = null;
    }
  }, [client, queryKey]);
  const [announcement, setAnnouncement] = useState("");

  /** Put a fresh copy of an alert (an action's response or a live event) into the list. */
  const put = useCallback(
    (alert: Alert) => {
      arrivedDuringLoad.current?.push(alert);
      setResource((previous) =>
        previous.data === null
          ? previous
          : { ...previous, data: mergeAlert(previous.data, alert, filtersRef.current) },
      );
    },
    [setResource],
  );

  const onEvent = useCallback(
    (event: LiveEvent) => {
      if (!event.type.startsWith("alert.")) return;
      const alert = alertOfEvent(event);
      if (!alert) {
        reload();
        return;
      }
      put(alert);
      const { action, actor } = actionOfEvent(event);
      if (event.type === "alert.created") {
        setAnnouncement(t("alerts.announce.new", { severity: SEVERITY_LABEL[alert.severity].toLowerCase(), id: alert.id, title: alert.title }));
      } else if (event.type === "alert.escalated") {
        setAnnouncement(
          actor
            ? t("alerts.announce.escalatedBy", { id: alert.id, level: alert.escalation_level, actor })
            : t("alerts.announce.escalated", { id: alert.id, level: alert.escalation_level }),
        );
      } else if (action && action !== "repeated" && actor) {
        setAnnouncement(t("alerts.announce.action", { id: alert.id, action, actor }));
      }
    },
    [put, reload],
  );
  const live = useLiveSocket(ALERT_TOPICS, onEvent);

  const wasConnected = useRef(false);
  useEffect(() => {
    if (live.state !== "connected") return;
    if (wasConnected.current) reload();
    wasConnected.current = true;
  }, [live.state, reload]);

  return { resource, alerts: resource.data ?? [], reload, put, live, announcement };
}
