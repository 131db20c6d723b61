import { ApiError } from "../../api/client";

/** An API failure in words, saying what kind of refusal it was. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 400:
      case 422:
        return `Not accepted: ${error.detail}`;
      case 403:
        return `Not permitted: ${error.detail}`;
      case 404:
        return `Not found: ${error.detail}`;
      case 409:
        return `Conflict: ${error.detail}`;
      default:
        return `The server answered ${error.status}: ${error.detail}`;
    }
  }
  if (error instanceof TypeError) return "Cannot reach the server. Check the connection and try again.";
  return error instanceof Error ? error.message : String(error);
}

/**
 * Which input an error is about. The server names the field at the start of its message ("plate: ...",
 * "reason is required ...") or inside a conflict ("the violation has no plate"); anything else belongs to
 * the form as a whole.
 */
export function fieldOfError<F extends string>(error: unknown, fields: readonly F[]): F | null {
  if (!(error instanceof ApiError)) return null;
  const detail = error.detail.toLowerCase();
  return fields.find((field) => new RegExp(`\\b${field}\\b`).test(detail)) ?? null;
}
