import { t, type MessageKey } from "../i18n/catalogue";

/** A catalogue key standing for its message in a label table; `translated` turns it into text. */
export class Message {
  constructor(readonly key: MessageKey) {}
}

/** The message `key` in a table given to `translated`. */
export const msg = (key: MessageKey): Message => new Message(key);

/** `T` as written for `translated`: any text property may be a `msg(key)` instead. */
export type Untranslated<T> = string extends T
  ? T | Message
  : T extends object
    ? { [P in keyof T]: Untranslated<T[P]> }
    : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function translate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(translate);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item instanceof Message) Object.defineProperty(copy, name, { get: () => t(item.key), enumerable: true });
    else copy[name] = translate(item);
  }
  return copy;
}

/**
 * A table of labels defined once at module load (plain objects and arrays, nested) in which each `msg(key)`
 * reads as the message in the current language every time it is read, so the table follows a change of
 * language. The table's type is given: `translated<Record<State, { label: string }>>({ on: { label: msg(…) } })`.
 */
export function translated<T>(spec: Untranslated<T>): T {
  return translate(spec) as T;
}
