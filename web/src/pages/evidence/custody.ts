/** Reading custody entries for people: a one-line summary of the JSON details. */
import type { CustodyEntry } from "./types";
import { messageRecord } from "../../i18n/catalogue";

const ACTION_LABELS: Record<string, string> = messageRecord({
  collected: "evidence.collected",
  viewed: "evidence.viewed",
  exported: "evidence.exported",
  shared: "evidence.shared",
  redacted: "evidence.redactedCopyMade",
  retention_changed: "evidence.retentionChanged",
  purged: "evidence.purged",
});

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? "entry" : "entries"}`;
  if (value && typeof value === "object") return "recorded";
  return String(value);
}

/** `{"derivative_item_id": 2, "regions": [[1,2,3,4]]}` → "derivative item id: 2; regions: 1 entry". */
export function summariseDetails(details: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(details);
  } catch {
    return details;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return details;
  return Object.entries(parsed)
    .filter(([, value]) => value !== null && value !== "")
    .map(([key, value]) => `${key.replaceAll("_", " ")}: ${describeValue(value)}`)
    .join("; ");
}

/** Oldest first, as a chain is read. */
export function inChainOrder(entries: readonly CustodyEntry[]): CustodyEntry[] {
  return [...entries].sort((a, b) => a.seq - b.seq);
}

/** The regions the server blurred in a derivative: named in the derivative's own `collected` entry. */
export function collectedEntry(entries: readonly CustodyEntry[]): CustodyEntry | undefined {
  return entries.find((entry) => entry.action === "collected");
}
