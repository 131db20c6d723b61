import { readFileSync } from "node:fs";
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";

const read = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");

describe("the generated API contract", () => {
  // The options must be those of scripts/gen-api.
  it("schema.d.ts is what openapi-typescript makes of openapi.json (else run scripts/gen-api)", async () => {
    const generated = COMMENT_HEADER + astToString(await openapiTS(JSON.parse(read("./openapi.json")) as OpenAPI3, { defaultNonNullable: false }));
    const checkedIn = read("./schema.d.ts");
    expect(checkedIn === generated, "schema.d.ts is out of date: run scripts/gen-api").toBe(true);
  }, 30_000);
});
