import { describe, expect, it } from "vitest";
import { buildExportRequest, notRedactable, selectedItems, toggleAll, toggleSelection } from "./exportSelection";
import { evidenceItem } from "./testData";

const item = evidenceItem;

const items = [item(3), item(1), item(2, { status: "purged" }), item(4, { suffix: ".pdf" })];

describe("export selection", () => {
  it("toggles one item in and out", () => {
    const one = toggleSelection(new Set(), 3);
    expect([...one]).toEqual([3]);
    expect([...toggleSelection(one, 3)]).toEqual([]);
  });

  it("selects every exportable item, skipping purged ones, and clears when all are selected", () => {
    const all = toggleAll(new Set([1]), items);
    expect([...all].sort()).toEqual([1, 3, 4]);
    expect([...toggleAll(all, items)]).toEqual([]);
  });

  it("keeps the table's order and drops ids that are gone or purged", () => {
    expect(selectedItems(new Set([1, 2, 3, 99]), items).map((i) => i.id)).toEqual([3, 1]);
  });

  it("builds the request the server expects for originals and for redacted copies", () => {
    expect(buildExportRequest(new Set([1, 3]), items, "original")).toEqual({
      request: { item_ids: [3, 1], redact: false },
    });
    expect(buildExportRequest(new Set([1]), items, "redacted")).toEqual({ request: { item_ids: [1], redact: true } });
  });

  it("refuses an empty selection (a purged item alone counts as none)", () => {
    expect(buildExportRequest(new Set(), items, "original")).toEqual({ error: "Choose at least one item to export." });
    expect(buildExportRequest(new Set([2]), items, "original")).toEqual({
      error: "Choose at least one item to export.",
    });
  });

  it("refuses more items than one bundle may hold", () => {
    const many = Array.from({ length: 201 }, (_, i) => item(i + 1));
    expect(buildExportRequest(new Set(many.map((i) => i.id)), many, "original")).toEqual({
      error: "At most 200 items in one bundle.",
    });
  });

  it("names the items a redacted export leaves unchanged", () => {
    expect(notRedactable(items).map((i) => i.id)).toEqual([4]);
  });
});
