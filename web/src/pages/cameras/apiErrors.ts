/**
 * Turns the server's refusals into words placed next to the control that caused them. A 422's problems
 * come from the shared client (`ApiError.problems`, each with its path below `body`).
 */
import { ApiError } from "../../api/client";
import { t } from "../../i18n/catalogue";

export interface ValidationIssue {
  /** The location below `body`, e.g. ["url"] or ["scene", "zones", 0, "name"]. */
  path: (string | number)[];
  message: string;
}

/** The issues of a 422; a check that answers a plain sentence is placed by the field it starts with. */
export function validationIssues(error: ApiError): ValidationIssue[] {
  return error.problems.map(({ path, message }) => ({ path: path.length ? path : pathFromMessage(message), message }));
}

/** Some checks run after validation and answer a plain sentence; find the field it is about. */
function pathFromMessage(message: string): (string | number)[] {
  const named = /^(\w+): /.exec(message);
  if (named?.[1]) return [named[1]];
  if (message.startsWith(t("cameras.latitudeAndLongitude"))) return ["latitude"];
  return [];
}

/** Field name → message, plus whatever belongs to no single field. */
export interface FieldErrors {
  fields: Record<string, string>;
  general: string | null;
}

export function fieldErrorsOf(issues: ValidationIssue[], knownFields: readonly string[]): FieldErrors {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === "string" && knownFields.includes(field)) {
      fields[field] = fields[field] ? `${fields[field]}; ${issue.message}` : issue.message;
    } else {
      general.push(issue.message);
    }
  }
  return { fields, general: general.length ? general.join("; ") : null };
}

/** A refusal other than 422, in words. */
export function describeFailure(caught: unknown, what: string): string {
  if (caught instanceof ApiError) {
    if (caught.status === 403) return t("cameras.youAreNotPermitted", { what, detail: caught.detail });
    if (caught.status === 404) return t("cameras.notFound", { detail: caught.detail });
    if (caught.status === 409) return caught.detail;
    return t("cameras.couldNot", { what, detail: caught.detail });
  }
  return t("cameras.couldNot2", { what, value: caught instanceof Error ? caught.message : String(caught) });
}
