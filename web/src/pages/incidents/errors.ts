import { ApiError } from "../../api/client";

/**
 * An API failure in words, for the message shown next to the control that caused it. `conflict` explains
 * a 409 in the terms of that control (the server's own reason follows it).
 */
export function describeError(caught: unknown, conflict = "Refused: the state changed meanwhile."): string {
  if (!(caught instanceof ApiError)) return caught instanceof Error ? caught.message : String(caught);
  switch (caught.status) {
    case 403:
      return "Not permitted: your role may not do this.";
    case 404:
      return `Not found: ${caught.detail}`;
    case 409:
      return `${conflict} (${caught.detail})`;
    case 422:
      return `Not accepted: ${caught.detail}`;
    default:
      return caught.detail || caught.message;
  }
}
