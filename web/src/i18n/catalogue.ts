/**
 * The console's message catalogue. English (`en.ts`) defines every key and is the fallback; a translation
 * is a JSON file in `locales/` (`{"name": "اردو", "dir": "rtl", "messages": {key: text}}`), picked up
 * from the folder at build time, so adding a language or moving a string's translation needs no code.
 * `{name}` in a message is replaced by the parameter of that name. A message that depends on a number has one key
 * per plural category of CLDR (`key_one`, `key_other`, and `key_few`, `key_many`... where a language has them):
 * `t("key", { count })` picks the language's form for `count` (Intl.PluralRules), `other` when it lacks that one.
 */
import { useSyncExternalStore } from "react";
import { en, type MessageKey } from "./en";

export type { MessageKey } from "./en";

/** The key of a message with plural forms: `x` for `x_one`/`x_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
export type Direction = "ltr" | "rtl";

export interface Language {
  code: string;
  name: string;
  dir: Direction;
  messages: Partial<Record<MessageKey, string>>;
}

interface LocaleFile {
  name?: unknown;
  dir?: unknown;
  messages?: unknown;
}

const ENGLISH: Language = { code: "en", name: "English", dir: "ltr", messages: en };

const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"];

/** A key of English, or a plural form (`x_few`) of a message English has plural forms of (`x_other`). */
function isKnownKey(key: string): boolean {
  if (key in en) return true;
  const form = /^(.+)_(\w+)$/.exec(key);
  return form !== null && PLURAL_CATEGORIES.includes(form[2] ?? "") && `${form[1]}_other` in en;
}

/** A locale file as a Language: unknown keys and non-text values are left out (English shows instead). */
export function readLocale(code: string, file: LocaleFile): Language {
  const raw = file.messages && typeof file.messages === "object" ? (file.messages as Record<string, unknown>) : {};
  const messages: Partial<Record<MessageKey, string>> = {};
  for (const [key, text] of Object.entries(raw)) {
    if (isKnownKey(key) && typeof text === "string") messages[key as MessageKey] = text;
  }
  return {
    code,
    name: typeof file.name === "string" ? file.name : code,
    dir: file.dir === "rtl" ? "rtl" : "ltr",
    messages,
  };
}

const FILES = import.meta.glob<LocaleFile>("./locales/*.json", { eager: true, import: "default" });

export const LANGUAGES: readonly Language[] = [
  ENGLISH,
  ...Object.entries(FILES).map(([path, file]) => readLocale(path.replace(/^.*\/(.+)\.json$/, "$1"), file)),
];

const STORAGE_KEY = "safecity.language";
let current: Language = ENGLISH;
const listeners = new Set<() => void>();

function apply(language: Language) {
  current = language;
  if (typeof document !== "undefined") {
    document.documentElement.lang = language.code;
    document.documentElement.dir = language.dir;
  }
  listeners.forEach((listener) => listener());
}

/** Switch language (e.g. from the header); remembered in this browser. An unknown code is refused. */
export function setLanguage(code: string, remember = true): boolean {
  const language = LANGUAGES.find((candidate) => candidate.code === code);
  if (!language) return false;
  if (remember) localStorage.setItem(STORAGE_KEY, code);
  apply(language);
  return true;
}

/** The deployment's default (server settings) unless this browser chose a language before. */
export function applyDefaultLanguage(code: string): void {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (!(chosen && setLanguage(chosen, false))) setLanguage(code, false) || apply(current);
}

export const currentLanguage = (): Language => current;

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(code: string, count: number): string {
  let rules = pluralRules.get(code);
  if (!rules) {
    rules = new Intl.PluralRules(code);
    pluralRules.set(code, rules);
  }
  return rules.select(count);
}

/** The plural form of `key` for `count` in `language`, or undefined when it has none of that key. */
function pluralForm(language: Language, key: PluralKey, count: number): string | undefined {
  const forms = language.messages as Partial<Record<string, string>>;
  return forms[`${key}_${pluralCategory(language.code, count)}`] ?? forms[`${key}_other`];
}

/** The message in the current language (English when it has no translation), parameters filled in. */
export function t(key: PluralKey, params: MessageParams & { count: number }): string;
export function t(key: MessageKey, params?: MessageParams): string;
export function t(key: MessageKey | PluralKey, params: MessageParams = {}): string {
  const text =
    key in en
      ? (current.messages[key as MessageKey] ?? en[key as MessageKey])
      : (pluralForm(current, key as PluralKey, Number(params.count)) ?? pluralForm(ENGLISH, key as PluralKey, Number(params.count)) ?? key);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

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

/** A record whose values are messages, read in the current language each time (a flat `translated` table). */
export function messageRecord<K extends string>(keys: Record<K, MessageKey>): Record<K, string> {
  const spec = Object.fromEntries(Object.entries<MessageKey>(keys).map(([name, key]) => [name, msg(key)]));
  return translated<Record<K, string>>(spec as Untranslated<Record<K, string>>);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language; a component calling this re-renders when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}
