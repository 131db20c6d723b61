import { describe, expect, it } from "vitest";
import { previewPlate } from "./plate";

describe("plate preview (as the server stores and matches it)", () => {
  it("stores the plate upper-cased and matches on series + number without the year", () => {
    expect(previewPlate(" leb 06 5700 ")).toEqual({ ok: true, stored: "LEB 06 5700", key: "LEB5700", year: "06" });
    expect(previewPlate("LEB-06-5700")).toMatchObject({ key: "LEB5700", year: "06" });
  });

  it("keeps plates without a two-digit middle group whole", () => {
    expect(previewPlate("avv-584")).toEqual({ ok: true, stored: "AVV-584", key: "AVV584", year: null });
    expect(previewPlate("LEB065700")).toMatchObject({ key: "LEB065700", year: null });
  });

  it("refuses empty plates, wildcards and text without letters or digits", () => {
    expect(previewPlate("   ")).toEqual({ ok: false, error: "Enter the plate." });
    expect(previewPlate("LEB*")).toMatchObject({ ok: false, error: expect.stringContaining("wildcards") });
    expect(previewPlate("--/")).toMatchObject({ ok: false, error: expect.stringContaining("letter or digit") });
  });
});
