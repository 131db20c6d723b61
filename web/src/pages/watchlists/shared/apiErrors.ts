/**
 * Sending changes so that a refusal can be shown next to the control that caused it. `ApiError` keeps only
 * the messages of a 422, not which field each one names, so changes go through `sendChange`, which reads
 * the 422 body itself (via `acceptStatus`) and throws `ValidationFailed` with the field of every problem.
 */
import { ApiError, type ApiClient, type RequestOptions } from "../../../api/client";

export interface FieldProblem {
  /** The request field the server named (`name`, `plate`, `file`...), or "" when it named none. */
  field: string;
  message: string;
}

export class ValidationFailed extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join("; "));
    this.name = "ValidationFailed";
  }
}

interface ValidationBody {
  detail: unknown;
}

function isValidationBody(body: unknown): body is ValidationBody {
  return typeof body === "object" && body !== null && "detail" in body;
}

/**
 * Pydantic prefixes custom validator messages with "Value error, " (also after a field name, as in the CSV
 * import's "plate: Value error, ..."); operators need only the reason.
 */
export function readable(message: string): string {
  return message.replace(/(^|: )Value error, /g, "$1");
}

export function problemsOf(detail: unknown): FieldProblem[] {
  if (typeof detail === "string") return [{ field: "", message: detail }];
  if (!Array.isArray(detail)) return [{ field: "", message: "The server refused the request." }];
  return detail.map((item: unknown) => {
    if (typeof item !== "object" || item === null) return { field: "", message: String(item) };
    const { loc, msg } = item as { loc?: unknown; msg?: unknown };
    // loc is ["body", "name"], ["body", "file"] or ["query", ...]; the last part names the field.
    const path = Array.isArray(loc) ? loc.filter((part) => part !== "body") : [];
    return { field: path.length ? String(path[path.length - 1]) : "", message: readable(String(msg ?? "")) };
  });
}

/** POST / PATCH / DELETE that turns a 422 into `ValidationFailed`; other failures stay `ApiError`. */
export async function sendChange<T>(
  client: ApiClient,
  method: "POST" | "PATCH" | "DELETE",
  path: string,
  options: Omit<RequestOptions, "acceptStatus"> = {},
): Promise<T> {
  const body = await client.request<T | ValidationBody>(method, path, { ...options, acceptStatus: [422] });
  // Successful answers of these routes are objects without a `detail` key (or 204 with no body).
  if (isValidationBody(body)) throw new ValidationFailed(problemsOf(body.detail));
  return body as T;
}

/** Messages keyed by form field; `form` holds what belongs to no field of the form. */
export type FormErrors = Record<string, string>;

export const FORM = "form";

/**
 * Words for a failed change, keyed by the field that caused it. `fields` are the form's own field names
 * (a problem naming another field is shown at form level, with its name); `conflictField` receives a 409.
 */
export function formErrorsOf(
  caught: unknown,
  fields: readonly string[],
  conflictField: string = FORM,
): FormErrors {
  const errors: FormErrors = {};
  const add = (key: string, message: string) => {
    errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
  };
  if (caught instanceof ValidationFailed) {
    for (const problem of caught.problems) {
      if (fields.includes(problem.field)) add(problem.field, problem.message);
      else add(FORM, problem.field ? `${problem.field}: ${problem.message}` : problem.message);
    }
  } else if (caught instanceof ApiError && caught.status === 409) {
    add(conflictField, caught.detail);
  } else if (caught instanceof ApiError && caught.status === 403) {
    add(FORM, `Not permitted: your role may not change watchlists (${caught.detail}).`);
  } else if (caught instanceof ApiError && caught.status === 404) {
    add(FORM, `Not found (${caught.detail}). Someone may have deleted it; reload the page.`);
  } else {
    add(FORM, caught instanceof Error ? caught.message : String(caught));
  }
  return errors;
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors).length > 0;
}
