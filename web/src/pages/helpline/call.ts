/** The call-taker's form as the API wants it (`POST /api/v1/calls`), and what a caller's history says. */
import type { Schemas } from "../../api/schemas";
import { messageRecord, t } from "../../i18n/catalogue";

export type CallCreate = Schemas["CallCreate"];
export type CallTaken = Schemas["CallTaken"];
export type Call = Schemas["CallOut"];
export type Disposition = NonNullable<CallCreate["disposition"]>;

export const DISPOSITIONS: readonly Disposition[] = ["pending", "incident", "duplicate", "information", "irrelevant", "prank"];

export const DISPOSITION_LABEL: Record<Disposition, string> = messageRecord({
  pending: "disposition.pending",
  incident: "disposition.incident",
  duplicate: "disposition.duplicate",
  information: "disposition.information",
  irrelevant: "disposition.irrelevant",
  prank: "disposition.prank",
});

export const dispositionLabel = (code: string): string => DISPOSITION_LABEL[code as Disposition] ?? code;

export interface CallForm {
  number: string;
  disposition: Disposition;
  type: string;
  incidentId: string;
  latitude: string;
  longitude: string;
  address: string;
  notes: string;
}

export const EMPTY_CALL: CallForm = {
  number: "",
  disposition: "pending",
  type: "",
  incidentId: "",
  latitude: "",
  longitude: "",
  address: "",
  notes: "",
};

export type CallFormErrors = Partial<Record<keyof CallForm, string>>;

/** "31.52" → 31.52; empty → null; anything else → NaN (refused by the check). */
function coordinate(text: string): number | null {
  return text.trim() === "" ? null : Number(text.trim());
}

/** What the form lacks before the server is asked: the type for a new incident, the incident for a duplicate. */
export function checkCall(form: CallForm): CallFormErrors {
  const errors: CallFormErrors = {};
  if (form.number.replace(/\D/g, "").length < 3) errors.number = "Give the caller's number (at least 3 digits).";
  if (form.disposition === "incident" && !form.type) errors.type = t("helpline.needType");
  if (form.disposition === "duplicate" && !/^\d+$/.test(form.incidentId.trim())) errors.incidentId = t("helpline.needIncident");
  const lat = coordinate(form.latitude);
  const lon = coordinate(form.longitude);
  if (lat !== null && !(Math.abs(lat) <= 90)) errors.latitude = "A latitude is between -90 and 90.";
  if (lon !== null && !(Math.abs(lon) <= 180)) errors.longitude = "A longitude is between -180 and 180.";
  if ((lat === null) !== (lon === null)) errors[lat === null ? "latitude" : "longitude"] = "Give both coordinates or neither.";
  return errors;
}

/** The request body for a checked form. */
export function callBody(form: CallForm): CallCreate {
  return {
    caller_number: form.number.trim(),
    disposition: form.disposition,
    type: form.disposition === "incident" ? form.type : null,
    incident_id: form.disposition === "duplicate" ? Number(form.incidentId.trim()) : null,
    latitude: coordinate(form.latitude),
    longitude: coordinate(form.longitude),
    address: form.address.trim(),
    notes: form.notes.trim(),
  };
}

/** The warning a repeat caller earns (many calls in the window), or null. */
export function repeatWarning(caller: CallTaken["caller"]): string | null {
  return caller.repeat
    ? t("helpline.repeat", { count: caller.calls_in_window, junk: caller.not_incidents_in_window })
    : null;
}

/** "12 calls, 25 % not incidents" from the stats answer. */
export function statsLine(stats: Schemas["CallStats"]): string {
  const share = stats.not_incident_share === null ? "—" : `${Math.round(stats.not_incident_share * 100)} %`;
  return t("helpline.stats", { total: stats.total, share });
}
