/** Durations, distances and the incident's running timers, as operators read them. */
import type { Assignment, Incident } from "./types";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";

const pad = (value: number) => String(value).padStart(2, "0");

/** "45 s", "4 min 05 s", "2 h 03 min", "3 d 04 h"; negative values (clock skew) count as zero. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${pad(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${pad(minutes % 60)} min`;
  return `${Math.floor(hours / 24)} d ${pad(hours % 24)} h`;
}

/** "850 m", "2.1 km". */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters)} m`;
  return `${(meters / 1000).toFixed(1)} km`;
}

export function secondsBetween(fromIso: string, toMs: number): number {
  return Math.max(0, (toMs - Date.parse(fromIso)) / 1000);
}

export const formatClock = (iso: string): string => formatDateTime(iso);

export interface Timer {
  label: string;
  /** Seconds elapsed, or null when the timer has not started. */
  seconds: number | null;
  /** Still counting (re-rendered every second). */
  running: boolean;
  /** What to say instead of a duration when `seconds` is null. */
  pending: string;
}

const FINISHED = new Set(["resolved", "closed", "cancelled"]);

function earliest(values: (string | null)[]): string | null {
  const times = values.filter((v): v is string => v !== null).sort((a, b) => Date.parse(a) - Date.parse(b));
  return times[0] ?? null;
}

/** When the incident stopped needing a response: resolved, closed, or (for a cancellation) last updated. */
function endOf(incident: Incident): string | null {
  if (!FINISHED.has(incident.status)) return null;
  return incident.resolved_at ?? incident.closed_at ?? incident.updated_at;
}

function span(label: string, start: string | null, end: string | null, nowMs: number, pending: string): Timer {
  if (start === null) return { label, seconds: null, running: false, pending };
  const stopMs = end === null ? nowMs : Date.parse(end);
  return { label, seconds: secondsBetween(start, stopMs), running: end === null, pending };
}

/** Seconds since the report, stopping when the incident was resolved, closed or cancelled. */
export function incidentAge(incident: Incident, nowMs: number): number {
  const end = endOf(incident);
  return secondsBetween(incident.received_at, end === null ? nowMs : Date.parse(end));
}

/**
 * Age since reported, time to dispatch and time on scene. A timer runs until the event that stops it;
 * "time to dispatch" runs from the report while no unit has been sent to an open incident.
 */
export function incidentTimers(incident: Incident, assignments: Assignment[], nowMs: number): Timer[] {
  const end = endOf(incident);
  const firstDispatch = earliest(assignments.map((a) => a.dispatched_at));
  const firstOnScene = earliest(assignments.map((a) => a.on_scene_at));
  const toDispatch =
    firstDispatch !== null
      ? span(t("incidents.timeToDispatch"), incident.received_at, firstDispatch, nowMs, "")
      : end === null
        ? { ...span(t("incidents.timeToDispatch"), incident.received_at, null, nowMs, ""), label: t("incidents.waitingForDispatch") }
        : span(t("incidents.timeToDispatch"), null, null, nowMs, t("incidents.noUnitWasDispatched"));
  return [
    span(t("incidents.ageSinceReported"), incident.received_at, end, nowMs, ""),
    toDispatch,
    span(t("incidents.timeOnScene"), firstOnScene, firstOnScene === null ? null : end, nowMs, t("incidents.noUnitOnScene")),
  ];
}
