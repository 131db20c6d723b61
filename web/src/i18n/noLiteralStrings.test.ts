import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The console's lint configuration (eslint.config.js; `npm run lint` checks every source file with it in
// scripts/test): text a person reads must come from the catalogue.
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = "i18next/no-literal-string";

async function literalsIn(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: "src/pages/example/Example.tsx" });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => code.split("\n")[m.line - 1]?.trim() ?? "");
}

describe("every text of the console comes from the message catalogue", () => {
  it("refuses English written into a page: text, labels read aloud, titles and placeholders", async () => {
    const page = [
      'import { t } from "../../i18n/catalogue";',
      "export function Example({ busy }: { busy: boolean }) {",
      "  return (",
      '    <form aria-label="Example form">',
      "      <h2>Cameras</h2>",
      '      <input placeholder="Name or id" title="Search cameras" />',
      '      <button type="submit">{busy ? "Saving…" : t("common.refresh")}</button>',
      "    </form>",
      "  );",
      "}",
    ].join("\n");
    expect(await literalsIn(page)).toEqual([
      '<form aria-label="Example form">',
      "<h2>Cameras</h2>",
      '<input placeholder="Name or id" title="Search cameras" />',
      '<input placeholder="Name or id" title="Search cameras" />',
      '<button type="submit">{busy ? "Saving…" : t("common.refresh")}</button>',
    ]);
  });

  it("lets codes through: class names, ids, test ids, routes and symbols", async () => {
    const page = [
      'import { t } from "../../i18n/catalogue";',
      "export function Example({ id }: { id: string }) {",
      "  return (",
      '    <p className="state state-ok" id={`${id}-title`} data-testid="example" role="status">',
      '      {t("common.loading")} · {"—"} <a href="/alerts">{t("alerts.title")}</a>',
      "    </p>",
      "  );",
      "}",
    ].join("\n");
    expect(await literalsIn(page)).toEqual([]);
  });
});
