/**
 * Live events in words for the feed: what happened, said the way an operator says it, never raw JSON.
 * Alarms stand out; tracking chatter (`track.*`) and heartbeats are hidden unless asked for.
 */
import type { LiveEvent } from "../../api/types";
import { alertFieldOf, fieldOf, isRecord } from "../../live/eventFields";
import { kindLabel, SEVERITY_LABEL } from "../alerts/format";
import type { Alert, Severity } from "../alerts/types";
import { INCIDENT_STATUS_LOOK, UNIT_STATUS_LOOK } from "../incidents/lifecycle";
import { t } from "../../i18n/catalogue";

export interface EventWords {
  /** One line: what happened. */
  text: string;
  /** An alarm (or panic) that needs a person: shown highlighted. */
  alarm: boolean;
}

/** Event types the feed hides until "Show tracking events" is ticked: many a second, no action needed. */
export function isChatter(type: string): boolean {
  return type.startsWith("track.") || type === "worker.heartbeat" || type.startsWith("reid.");
}

const text = (event: LiveEvent, name: string): string => {
  const value = fieldOf(event, name);
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
};

const words = (code: string): string => code.replace(/[._]/g, " ").replace(/^\w/, (c) => c.toUpperCase());

function alertWords(event: LiveEvent): EventWords | null {
  const alert = alertFieldOf(event);
  if (!alert) return null;
  const severity = SEVERITY_LABEL[alert.severity as Severity] ?? String(alert.severity ?? "");
  const what = kindLabel(alert as unknown as Alert);
  const verb = event.type === "alert.created" ? t("live.new") : event.type === "alert.escalated" ? t("live.escalated") : t("live.updated");
  const action = text(event, "action");
  const by = text(event, "actor");
  const actionWords = words(action).toLowerCase();
  const change =
    event.type === "alert.updated" && action
      ? by
        ? t("live.event.alertChangeBy", { action: actionWords, actor: by })
        : t("live.event.alertChange", { action: actionWords })
      : "";
  return {
    text: t("live.event.alert", { verb, severity: severity.toLowerCase(), id: String(alert.id), title: String(alert.title ?? what), change }),
    alarm: event.type !== "alert.updated",
  };
}

function recordField(event: LiveEvent, name: string): Record<string, unknown> | null {
  const value = fieldOf(event, name);
  return isRecord(value) ? value : null;
}

/** The feed's line for an event. Unknown types still read as words: the type and a few named values. */
export function describeEvent(event: LiveEvent): EventWords {
  const fromAlert = alertWords(event);
  if (fromAlert) return fromAlert;
  const incident = recordField(event, "incident");
  const unit = recordField(event, "unit");
  switch (event.type) {
    case "incident.created":
      return { text: t("live.event.incidentOpened", { id: String(incident?.id), title: String(incident?.title ?? "") }), alarm: false };
    case "incident.updated": {
      const status = INCIDENT_STATUS_LOOK[incident?.status as keyof typeof INCIDENT_STATUS_LOOK]?.label ?? String(incident?.status);
      return { text: t("live.event.incidentChanged", { id: String(incident?.id), action: words(text(event, "action")).toLowerCase() || t("live.event.updated"), status }), alarm: false };
    }
    case "unit.updated": {
      const status = UNIT_STATUS_LOOK[unit?.status as keyof typeof UNIT_STATUS_LOOK]?.label ?? String(unit?.status);
      const incidentId = text(event, "incident_id");
      return { text: incidentId
          ? t("live.event.unitOnIncident", { unit: String(unit?.callsign ?? unit?.id), status: status.toLowerCase(), incident: incidentId })
          : t("live.event.unit", { unit: String(unit?.callsign ?? unit?.id), status: status.toLowerCase() }), alarm: false };
    }
    case "camera.health": {
      const reason = text(event, "reason");
      return { text: t(reason ? "live.event.cameraStateReason" : "live.event.cameraState", { state: text(event, "state") || t("live.event.unknown"), reason }), alarm: false };
    }
    case "panic.location":
      return { text: t("live.event.panicMoved", { latitude: Number(fieldOf(event, "latitude")).toFixed(5), longitude: Number(fieldOf(event, "longitude")).toFixed(5) }), alarm: true };
    case "plate.read":
      return { text: t("live.event.plateRead", { plate: text(event, "plate") || text(event, "text") }).trim(), alarm: false };
    case "watchlist.vehicle_hit":
      return { text: t("live.event.hotlistHit", { plate: text(event, "entry_plate"), list: text(event, "list_name"), reason: text(event, "reason") }), alarm: true };
    case "challan.violation_detected":
      return { text: t(text(event, "plate") ? "live.event.violationPlate" : "live.event.violation", { violation: words(text(event, "violation_type")).toLowerCase(), plate: text(event, "plate") }), alarm: false };
    case "challan.ticket_issued":
      return { text: t("live.event.ticketIssued", { ticket: text(event, "ticket_number"), plate: text(event, "plate") }), alarm: false };
    case "recordings.quota":
      return { text: t("live.event.recordingsQuota", { worker: text(event, "worker"), percent: text(event, "percent") }), alarm: false };
    case "cluster.worker_lost":
      return { text: t("live.event.workerLost", { worker: text(event, "worker") || text(event, "worker_id") }), alarm: true };
    case "cluster.worker_back":
      return { text: t("live.event.workerBack", { worker: text(event, "worker") || text(event, "worker_id") }), alarm: false };
    default:
      return { text: genericWords(event), alarm: false };
  }
}

/** "Line crossing: direction in, class car" — the type in words and up to four short named values. */
function genericWords(event: LiveEvent): string {
  const type = event.type.startsWith("rule.") ? event.type.slice(5) : event.type;
  const values = Object.entries(event.payload ?? {})
    .filter(([, value]) => typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    .filter(([, value]) => String(value).length <= 40)
    .slice(0, 4)
    .map(([name, value]) => `${words(name).toLowerCase()} ${typeof value === "number" && !Number.isInteger(value) ? value.toFixed(2) : String(value)}`);
  return values.length ? `${words(type)}: ${values.join(", ")}` : words(type);
}
