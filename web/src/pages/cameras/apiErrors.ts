/**
 * Turns the server's refusals into words placed next to the control that caused them. The shared client
 * keeps only the joined messages of a 422, so camera writes accept 422 as an answer and read the
 * FastAPI body (`detail: [{loc, msg}]`) themselves.
 */
import { ApiError } from "../../api/client";

export interface ValidationIssue {
  /** The location below `body`, e.g. ["url"] or ["scene", "zones", 0, "name"]. */
  path: (string | number)[];
  message: string;
}

export interface ValidationBody {
  detail: unknown;
}

export function isValidationBody(body: unknown): body is ValidationBody {
  return typeof body === "object" && body !== null && "detail" in body;
}

/** Pydantic prefixes custom messages with "Value error, "; operators need only the sentence. */
export function readableMessage(message: string): string {
  return message.replace(/^Value error, /, "").replace(/^Assertion failed, /, "");
}

export function validationIssues(body: ValidationBody): ValidationIssue[] {
  const { detail } = body;
  if (typeof detail === "string") return [{ path: pathFromMessage(detail), message: readableMessage(detail) }];
  if (!Array.isArray(detail)) return [];
  return detail.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { loc, msg } = item as { loc?: unknown; msg?: unknown };
    const path = Array.isArray(loc)
      ? loc.filter((part): part is string | number => typeof part === "string" || typeof part === "number")
      : [];
    const relative = path[0] === "body" ? path.slice(1) : path;
    const message = readableMessage(typeof msg === "string" ? msg : "invalid value");
    return [{ path: relative.length ? relative : pathFromMessage(message), message }];
  });
}

/** Some checks run after validation and answer a plain sentence; find the field it is about. */
function pathFromMessage(message: string): (string | number)[] {
  const named = /^(\w+): /.exec(message);
  if (named?.[1]) return [named[1]];
  if (message.startsWith("latitude and longitude")) return ["latitude"];
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
    if (caught.status === 403) return `You are not permitted to ${what}: ${caught.detail}`;
    if (caught.status === 404) return `Not found: ${caught.detail}`;
    if (caught.status === 409) return caught.detail;
    return `Could not ${what}: ${caught.detail}`;
  }
  return `Could not ${what}: ${caught instanceof Error ? caught.message : String(caught)}`;
}
