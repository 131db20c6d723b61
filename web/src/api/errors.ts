import { ApiError } from "./apiError";
import { t } from "../i18n/catalogue";

export interface ErrorWords {
  /** Says what a 409 means for the control that caused it; the server's reason follows in brackets. */
  conflict?: string;
  /** Replaces "Not found: …" when a 404 means the route is missing on this server (e.g. "Plate search"). */
  unavailable?: string;
}

/**
 * A failed request in words an operator can act on, shown next to the control that caused it: the kind
 * of refusal first, then the server's reason. Any page's failures go through here.
 */
export function describeError(caught: unknown, words: ErrorWords = {}): string {
  if (!(caught instanceof ApiError)) {
    if (caught instanceof TypeError) return t("common.cannotReachTheServer");
    return caught instanceof Error ? caught.message : String(caught);
  }
  const { status, detail } = caught;
  switch (status) {
    case 400:
    case 422:
      return t("common.notAccepted", { detail });
    case 403:
      return t("common.notPermitted", { detail: detail || t("common.roleMayNotDoThis") });
    case 404:
      return words.unavailable ? t("common.isNotAvailableOn", { unavailable: words.unavailable }) : t("common.notFound", { detail });
    case 409:
      return words.conflict ? `${words.conflict} (${detail})` : t("common.conflict", { detail });
    case 413:
      return t("common.theFileIsLarger");
    case 429:
      return caught.retryAfterSeconds
        ? t("common.tooManyRequestsIn", { seconds: caught.retryAfterSeconds })
        : t("common.tooManyRequestsShortly");
    default:
      return t("common.theServerAnswered", { status, detail });
  }
}

/** The server's reason alone, for a message placed next to the field it is about (which says what was refused). */
export function reasonOf(caught: unknown): string {
  return caught instanceof ApiError && caught.detail ? caught.detail : describeError(caught);
}

/**
 * Which form field a refusal is about. A 422's problems name their fields (`ApiError.problems`); checks
 * that answer a plain sentence name it in words ("plate: …", "until is before since"), matched by the
 * field's name or by the pattern given for it. Other statuses only with `anyStatus` (a 409 such as "the
 * violation has no plate"). Null: the refusal belongs to the form as a whole.
 */
export function fieldOfError<F extends string>(
  caught: unknown,
  fields: readonly F[] | Readonly<Record<F, RegExp>>,
  { anyStatus = false }: { anyStatus?: boolean } = {},
): F | null {
  if (!(caught instanceof ApiError) || (!anyStatus && caught.status !== 422)) return null;
  const patterns: [F, RegExp][] = Array.isArray(fields)
    ? (fields as readonly F[]).map((field) => [field, new RegExp(`\\b${field}\\b`, "i")])
    : (Object.entries(fields) as [F, RegExp][]);
  for (const problem of caught.problems) {
    const named = patterns.find(([field]) => field === problem.field);
    if (named) return named[0];
  }
  return patterns.find(([, pattern]) => pattern.test(caught.detail))?.[0] ?? null;
}

/** The message of a 422 about `field` (several joined by "; "), or null. */
export function problemFor(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  const messages = error.problems.filter((p) => p.field === field).map((p) => p.message);
  return messages.length ? messages.join("; ") : null;
}

/**
 * A 422's messages keyed by field. `fields` limits the keys to a form's own fields: a problem about any
 * other field (or none) goes under `otherKey` ("form" unless given), prefixed with the field it names.
 */
export function fieldErrors(error: unknown, fields?: readonly string[], otherKey = "form"): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const { field, message } of error.problems) {
    const own = field !== "" && (!fields || fields.includes(field));
    const key = own ? field : otherKey;
    const text = own || !field ? message : `${field}: ${message}`;
    errors[key] = errors[key] ? `${errors[key]}; ${text}` : text;
  }
  return errors;
}

/** A refusal split for a form: messages beside the form's own fields, and the rest for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  /** Problems about other fields (each named), or any other refusal in `describeError`'s words; null: none. */
  form: string | null;
}

const WHOLE_FORM = "";

/**
 * Where a failed submit's messages go: a 422's problems about `fields` beside those fields (the server's
 * words), everything else beside the submit button.
 */
export function formErrors(caught: unknown, fields: readonly string[], words: ErrorWords = {}): FormErrors {
  if (caught instanceof ApiError && caught.problems.length > 0) {
    const { [WHOLE_FORM]: form, ...byField } = fieldErrors(caught, fields, WHOLE_FORM);
    return { fields: byField, form: form ?? null };
  }
  return { fields: {}, form: describeError(caught, words) };
}
