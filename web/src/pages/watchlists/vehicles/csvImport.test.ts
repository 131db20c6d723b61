import { describe, expect, it } from "vitest";
import { csvRecords, csvRows, importOutcome, importSummary } from "./csvImport";

describe("reading a hotlist CSV as the server does", () => {
  it("numbers each row by the line it ends on, counting quoted line breaks and CRLF", () => {
    const text = 'plate,reason\r\nLEB-06-5700,"stolen\non Monday"\r\nAVV-584,wanted\r\n';
    expect(csvRecords(text).map((r) => [r.line, r.fields])).toEqual([
      [1, ["plate", "reason"]],
      [3, ["LEB-06-5700", "stolen\non Monday"]],
      [4, ["AVV-584", "wanted"]],
    ]);
  });

  it("unescapes doubled quotes inside quoted fields", () => {
    expect(csvRecords('a,"say ""hi"", then go"')[0]?.fields).toEqual(["a", 'say "hi", then go']);
  });

  it("skips blank rows but keeps rows with too many fields, which the server rejects", () => {
    const text = "Plate , REASON\nLEB-5700,stolen\n\n,\nAVV-584,wanted,extra\nRIA-9133,watch";
    expect(csvRows(text)).toEqual([
      { line: 2, plate: "LEB-5700" },
      { line: 5, plate: "AVV-584" },
      { line: 6, plate: "RIA-9133" },
    ]);
  });

  it("has no rows to show without a plate column", () => {
    expect(csvRows("number,reason\nLEB-5700,stolen\n")).toBeNull();
  });
});

describe("the import result", () => {
  const rows = [
    { line: 2, plate: "LEB-06-5700" },
    { line: 3, plate: "**" },
    { line: 4, plate: "AVV-584" },
  ];

  it("lists every row: imported ones and rejected ones with the server's reason", () => {
    const report = { created: 1, updated: 1, failed: 1, errors: [{ line: 3, message: "plate: hotlist plates cannot contain wildcards" }] };
    expect(importOutcome(rows, report)).toEqual({
      complete: true,
      outcomes: [
        { line: 2, plate: "LEB-06-5700", imported: true },
        { line: 3, plate: "**", imported: false, reason: "plate: hotlist plates cannot contain wildcards" },
        { line: 4, plate: "AVV-584", imported: true },
      ],
    });
    expect(importSummary(report)).toBe("1 added, 1 updated, 1 rejected");
  });

  it("falls back to the rejected lines alone when the file read here does not match the counts", () => {
    const report = { created: 3, updated: 0, failed: 1, errors: [{ line: 9, message: "reason: Field required" }] };
    expect(importOutcome(rows, report)).toEqual({
      complete: false,
      outcomes: [{ line: 9, plate: null, imported: false, reason: "reason: Field required" }],
    });
  });

  it("joins several reasons reported for one line", () => {
    const report = {
      created: 0,
      updated: 0,
      failed: 2,
      errors: [
        { line: 2, message: "first" },
        { line: 2, message: "second" },
      ],
    };
    const { outcomes } = importOutcome([{ line: 2, plate: "X" }], report);
    expect(outcomes).toEqual([{ line: 2, plate: "X", imported: false, reason: "first; second" }]);
  });
});
