import { ApiError } from "../../api/client";

/** A failed request in words an operator can act on. */
export function errorText(error: unknown, what: string): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 403:
        return `Not permitted: ${error.detail}`;
      case 404:
        return `${what} is not available on this server.`;
      case 413:
        return "The file is larger than the server accepts.";
      case 429:
        return `Too many requests; try again${error.retryAfterSeconds ? ` in ${error.retryAfterSeconds} s` : " shortly"}.`;
      default:
        return error.detail;
    }
  }
  if (error instanceof TypeError) return "Cannot reach the server. Check the connection and try again.";
  return error instanceof Error ? error.message : String(error);
}

/**
 * The form field a 422 is about. The client keeps only the joined messages (not FastAPI's `loc`), so this
 * matches the wording of the server's messages; anything unmatched is shown beside the form's submit button.
 */
export function fieldOfError<F extends string>(error: unknown, keywords: Record<F, RegExp>): F | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  for (const [field, pattern] of Object.entries(keywords) as [F, RegExp][]) {
    if (pattern.test(error.detail)) return field;
  }
  return null;
}
