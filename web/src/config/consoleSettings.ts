/**
 * The deployment's console settings (`console:` in safecity.yaml, `GET /api/v1/console/settings`): the time
 * zone every moment is written in and the default language. Read once at start; the console keeps its
 * defaults (Asia/Karachi, English) when the server does not answer.
 */
import { setTimeZone } from "../format/dateTime";
import { applyDefaultLanguage } from "../i18n/catalogue";

export interface ConsoleSettings {
  timezone: string;
  language: string;
}

export function applyConsoleSettings(settings: Partial<ConsoleSettings>): void {
  if (typeof settings.timezone === "string") setTimeZone(settings.timezone);
  applyDefaultLanguage(typeof settings.language === "string" ? settings.language : "en");
}

export async function loadConsoleSettings(fetchImpl: typeof fetch = fetch): Promise<void> {
  let settings: Partial<ConsoleSettings> = {};
  try {
    const response = await fetchImpl("/api/v1/console/settings", { cache: "no-store" });
    if (response.ok) settings = (await response.json()) as Partial<ConsoleSettings>;
  } catch {
    // offline or an older server: the defaults stay
  }
  applyConsoleSettings(settings);
}
