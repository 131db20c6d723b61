/**
 * Requests whose errors must be shown next to the field that caused them, and downloads that need the
 * response headers. The shared client folds FastAPI's validation errors into one message and has no way to
 * read a binary POST answer, so these few calls go through here (same bearer token, same 401 handling).
 */
import { buildQuery, type ApiClient, type Query } from "../../api/client";

export class FormApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Field name (last part of FastAPI's `loc`) → message, for 422 answers. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = "FormApiError";
  }
}

interface ValidationIssue {
  loc?: unknown;
  msg?: unknown;
}

/** FastAPI's `{detail: [{loc: ["body", "reference"], msg}]}` as `{reference: msg}`, plus one summary line. */
export function parseErrorBody(status: number, body: unknown, fallback: string): FormApiError {
  const detail = body && typeof body === "object" && "detail" in body ? (body as { detail: unknown }).detail : null;
  if (typeof detail === "string") return new FormApiError(status, explainStatus(status, detail));
  if (Array.isArray(detail)) {
    const fields: Record<string, string> = {};
    const lines: string[] = [];
    for (const issue of detail as ValidationIssue[]) {
      const message = typeof issue?.msg === "string" ? issue.msg.replace(/^Value error, /, "") : "is not valid";
      const loc = Array.isArray(issue?.loc) ? issue.loc : [];
      const field = loc.length > 1 ? String(loc[loc.length - 1]) : "";
      if (field && !(field in fields)) fields[field] = message;
      lines.push(field ? `${field}: ${message}` : message);
    }
    return new FormApiError(status, lines.join("; ") || fallback, fields);
  }
  return new FormApiError(status, explainStatus(status, fallback));
}

function explainStatus(status: number, detail: string): string {
  if (status === 403) return `Not permitted: ${detail}`;
  return detail;
}

export interface CallOptions {
  query?: Query;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

async function send(client: ApiClient, method: string, path: string, options: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  if (client.token) headers.Authorization = `Bearer ${client.token}`;
  const response = await fetch(`${client.baseUrl}${path}${buildQuery(options.query)}`, {
    method,
    headers,
    body,
    signal: options.signal,
  });
  if (response.ok) return response;
  if (response.status === 401) client.logout();
  const parsed: unknown = await response.json().catch(() => null);
  throw parseErrorBody(response.status, parsed, response.statusText || `HTTP ${response.status}`);
}

/** A JSON call that throws `FormApiError` with per-field messages. */
export async function callApi<T>(client: ApiClient, method: string, path: string, options: CallOptions = {}) {
  const response = await send(client, method, path, options);
  return (await response.json()) as T;
}

export interface Download {
  blob: Blob;
  headers: Headers;
  filename: string;
}

/** A call answered with a file: the bytes, the headers and the server's file name. */
export async function callApiForFile(
  client: ApiClient,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Download> {
  const response = await send(client, method, path, options);
  return {
    blob: await response.blob(),
    headers: response.headers,
    filename: filenameOf(response.headers.get("Content-Disposition")) ?? "download",
  };
}

export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The message to show for any error, in words. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface SplitErrors {
  fields: Record<string, string>;
  general: string | null;
}

/** Errors for the fields a form shows go next to them; everything else is shown by the submit button. */
export function splitErrors(error: unknown, knownFields: readonly string[]): SplitErrors {
  if (!(error instanceof FormApiError) || Object.keys(error.fields).length === 0)
    return { fields: {}, general: messageOf(error) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    if (knownFields.includes(field)) fields[field] = message;
    else rest.push(`${field}: ${message}`);
  }
  return { fields, general: rest.length > 0 ? rest.join("; ") : null };
}
