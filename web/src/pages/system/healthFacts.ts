/** `/api/health`'s checks in words and rows: no JSON on the System page. */

export interface ConsumerRow {
  name: string;
  running: boolean;
  /** Events the consumer has not handled yet (its lag). */
  pending: number | null;
  awaitingAck: number | null;
  redelivered: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const words = (key: string) => key.replace(/_/g, " ");
const count = (value: unknown): number | null => (typeof value === "number" ? value : null);

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value || null;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.every((v) => typeof v !== "object") ? value.join(", ") || "none" : `${value.length}`;
  return null;
}

/** "dialect: postgresql", "wakeup kind: listen" — scalar facts, nested ones one level deep; consumers left out. */
export function checkFacts(check: Record<string, unknown>): string[] {
  const facts: string[] = [];
  for (const [key, value] of Object.entries(check)) {
    if (key === "ok" || key === "consumers" || value === null || value === undefined) continue;
    if (isRecord(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        const text = scalar(innerValue);
        if (text !== null) facts.push(`${words(key)} ${words(inner)}: ${text}`);
      }
    } else {
      const text = scalar(value);
      if (text !== null) facts.push(`${words(key)}: ${text}`);
    }
  }
  return facts;
}

/** The bus's consumers, the most behind first (stopped ones before all). */
export function consumerRows(check: Record<string, unknown> | undefined): ConsumerRow[] {
  const consumers = check?.consumers;
  if (!isRecord(consumers)) return [];
  return Object.entries(consumers)
    .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    .map(([name, state]) => ({
      name,
      running: state.running !== false,
      pending: count(state.pending),
      awaitingAck: count(state.awaiting_ack),
      redelivered: count(state.redelivered),
    }))
    .sort((a, b) => Number(a.running) - Number(b.running) || (b.pending ?? 0) - (a.pending ?? 0) || a.name.localeCompare(b.name));
}
