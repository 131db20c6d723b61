import { afterEach, describe, expect, it } from "vitest";
import { LANGUAGES, messageRecord, readLocale, setLanguage, t } from "./catalogue";
import { en } from "./en";

afterEach(() => setLanguage("en", false));

/** English's text for a key, or for a plural form English lacks (`x_few`) its `x_other`. */
const englishOf = (key: string): string | undefined =>
  (en as Record<string, string>)[key] ?? (en as Record<string, string>)[key.replace(/_(zero|two|few|many)$/, "_other")];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogue", () => {
  it("offers English and every locale file, Urdu right to left", () => {
    expect(LANGUAGES.map((l) => [l.code, l.dir])).toEqual([
      ["en", "ltr"],
      ["ur", "rtl"],
    ]);
  });

  it("fills parameters and falls back to English where a translation is missing", () => {
    expect(t("alerts.openIncident", { id: 42 })).toBe("Open incident 42");
    setLanguage("ur", false);
    expect(t("alerts.openIncident", { id: 42 })).toBe("واقعہ 42 کھولیں");
    expect(t("helpline.save")).toBe(en["helpline.save"]);
  });

  it("switches the document's language and direction", () => {
    setLanguage("ur", false);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(["ur", "rtl"]);
    setLanguage("en", false);
    expect(document.documentElement.dir).toBe("ltr");
    expect(setLanguage("xx", false)).toBe(false);
  });

  it("reads label tables in the language of the moment", () => {
    const labels = messageRecord({ new: "alerts.status.new", dismissed: "alerts.status.dismissed" });
    expect(labels.new).toBe("New");
    setLanguage("ur", false);
    expect(labels.dismissed).toBe("مسترد");
  });

  it("keeps every translation to known keys with the same parameters", () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(language.messages)) {
        const english = englishOf(key);
        expect(english, `${language.code}: unknown key ${key}`).toBeDefined();
        expect(placeholders(text as string), `${language.code}: ${key}`).toEqual(placeholders(english ?? ""));
      }
    }
    expect(readLocale("xx", { messages: { "no.such.key": "x", "alerts.title": 3 } }).messages).toEqual({});
  });

  it("has Urdu for every message of the operator's alert and incident pages", () => {
    const urdu = LANGUAGES.find((l) => l.code === "ur");
    const operatorKeys = Object.keys(en).filter((key) => /^(alerts|incidents|units|priority)\./.test(key));
    expect(operatorKeys.length).toBeGreaterThan(100);
    expect(operatorKeys.filter((key) => !(key in (urdu?.messages ?? {})))).toEqual([]);
  });

  it("writes a count in the plural form of the language", () => {
    expect(t("playback.eventsInView", { count: 1 })).toBe("1 event in view");
    expect(t("playback.eventsInView", { count: 0 })).toBe("0 events in view");
    expect(t("playback.eventsInView", { count: 12 })).toBe("12 events in view");
    setLanguage("ur", false);
    expect(t("alerts.districtCount", { count: 1 })).toBe("1 ضلع");
    expect(t("alerts.districtCount", { count: 3 })).toBe("3 اضلاع");
    // no Urdu for this one yet: English, in English's plural form
    expect(t("playback.eventsInView", { count: 2 })).toBe("2 events in view");
  });

  it("never names a plain message like a message with plural forms", () => {
    const keys = Object.keys(en);
    expect(keys.filter((key) => key.endsWith("_other") && keys.includes(key.slice(0, -"_other".length)))).toEqual([]);
  });

  it("keeps a translation's plural forms its language has and English lacks", () => {
    const arabic = readLocale("ar", { messages: { "playback.eventsInView_few": "{count} أحداث", "playback.eventsInView_x": "?" } });
    expect(Object.keys(arabic.messages)).toEqual(["playback.eventsInView_few"]);
  });
});
