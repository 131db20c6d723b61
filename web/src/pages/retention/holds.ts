/** Legal holds: the request a form builds (checked before sending) and what a hold covers, in words. */
import { formatTime, localInputToIso } from "../evidence/format";
import type { HoldRequest, HoldScope, LegalHold } from "./types";
import { t } from "../../i18n/catalogue";

export interface HoldForm {
  scope: HoldScope;
  reason: string;
  caseId: string;
  itemId: string;
  cameraId: string;
  /** datetime-local values, in the browser's time zone. */
  start: string;
  end: string;
  caseRef: string;
}

export const EMPTY_HOLD_FORM: HoldForm = {
  scope: "case",
  reason: "",
  caseId: "",
  itemId: "",
  cameraId: "",
  start: "",
  end: "",
  caseRef: "",
};

/** Keys are the API's field names, so server errors land on the same controls. */
export type HoldErrors = Partial<Record<keyof HoldRequest, string>>;

export const MIN_REASON_LENGTH = 3;

export function buildHoldRequest(form: HoldForm): { request: HoldRequest } | { errors: HoldErrors } {
  const errors: HoldErrors = {};
  const reason = form.reason.trim();
  if (reason.length < MIN_REASON_LENGTH) errors.reason = `Give the reason for the hold (at least ${MIN_REASON_LENGTH} characters).`;
  const request: HoldRequest = {
    scope: form.scope,
    reason,
    case_id: null,
    item_id: null,
    camera_id: null,
    start: null,
    end: null,
    case_ref: form.caseRef.trim(),
  };
  if (form.scope === "case") {
    if (!form.caseId) errors.case_id = "Choose the case to hold.";
    else request.case_id = Number(form.caseId);
  } else if (form.scope === "item") {
    const id = Number(form.itemId);
    if (!form.itemId.trim() || !Number.isInteger(id) || id < 1) errors.item_id = "Enter the item number (a whole number).";
    else request.item_id = id;
  } else {
    request.camera_id = form.cameraId.trim() || null;
    request.start = localInputToIso(form.start);
    request.end = localInputToIso(form.end);
    if (request.start && request.end && request.end <= request.start) errors.end = "Must be after the start.";
  }
  return Object.keys(errors).length > 0 ? { errors } : { request };
}

export const MAX_REASON_LENGTH = 2000;

/** The trimmed reason for releasing a hold, or the message saying what is wrong with it. */
export function checkReleaseReason(text: string): { reason: string } | { error: string } {
  const reason = text.trim();
  if (reason.length < MIN_REASON_LENGTH)
    return { error: t("retention.giveTheReasonFor", { minReasonLength: MIN_REASON_LENGTH }) };
  if (reason.length > MAX_REASON_LENGTH) return { error: t("retention.atMostCharacters", { maxReasonLength: MAX_REASON_LENGTH }) };
  return { reason };
}

/** "Case FIR 12/2026", "Item 7", "Camera gate-3 from … until …", "All cameras from … (open-ended)". */
export function describeHoldScope(hold: LegalHold, caseReference: (id: number) => string | undefined): string {
  if (hold.scope === "case" && hold.case_id !== null)
    return t("retention.caseScope", { reference: caseReference(hold.case_id) ?? `#${hold.case_id}` });
  if (hold.scope === "item" && hold.item_id !== null) return t("retention.evidenceItem", { item_id: hold.item_id });
  const camera = hold.camera_id ? t("retention.camera", { camera_id: hold.camera_id }) : t("retention.allCameras");
  if (!hold.start && !hold.end) return t("retention.allRecordings", { camera });
  const from = hold.start ? t("retention.fromTime", { time: formatTime(hold.start) }) : t("retention.fromTheBeginning");
  const until = hold.end ? t("retention.untilTime", { time: formatTime(hold.end) }) : t("retention.withNoEnd");
  return t("retention.scopeOverTime", { camera, from, until });
}
