/** The events search form and the query of `GET /api/v1/events`. */
import type { QueryOf } from "../../api/schemas";
import { ANY_SCOPE, type ScopeField, type SearchScope, toInstant, validateTimeRange } from "./timeRange";

export const EVENT_PAGE_SIZES = [50, 100, 200] as const;
/** Common event families, offered as suggestions for the type field. */
export const EVENT_TYPE_SUGGESTIONS = ["alert.", "camera.health", "rule.", "watchlist.", "incident.", "track."];

export interface EventSearchForm extends SearchScope {
  type: string;
  limit: number;
}

export type EventFormField = ScopeField | "type";
export type EventFormErrors = Partial<Record<EventFormField, string>>;

export const EMPTY_EVENT_FORM: EventSearchForm = { ...ANY_SCOPE, type: "", limit: 50 };

const TYPE_PREFIX = /^[A-Za-z0-9_.-]+$/;

export function validateEventForm(form: EventSearchForm): EventFormErrors {
  const errors: EventFormErrors = { ...validateTimeRange(form.since, form.until) };
  const type = form.type.trim();
  if (type && !TYPE_PREFIX.test(type)) errors.type = "Letters, digits, '.', '_' and '-' only (no wildcards: it matches the start).";
  return errors;
}

export function eventsQuery(form: EventSearchForm, cursor: number | null): QueryOf<"/api/v1/events", "get"> {
  return {
    type: form.type.trim() || undefined,
    camera_id: form.cameraId || undefined,
    since: toInstant(form.since),
    until: toInstant(form.until),
    limit: form.limit,
    cursor: cursor ?? undefined,
  };
}

/** A one-line summary of an event's own fields. */
export function summarizePayload(payload: Record<string, unknown>, max = 160): string {
  const entries = Object.entries(payload).filter(([, value]) => value !== null && value !== "" && value !== undefined);
  const text = entries.map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`).join(", ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
