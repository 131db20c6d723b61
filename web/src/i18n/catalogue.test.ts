import { afterEach, describe, expect, it } from "vitest";
import { LANGUAGES, messageRecord, readLocale, setLanguage, t } from "./catalogue";
import { en } from "./en";

afterEach(() => setLanguage("en", false));

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
        expect(key in en, `${language.code}: unknown key ${key}`).toBe(true);
        expect(placeholders(text as string), `${language.code}: ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
    expect(readLocale("xx", { messages: { "no.such.key": "x", "alerts.title": 3 } }).messages).toEqual({});
  });
});
