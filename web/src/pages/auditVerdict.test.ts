import { describe, expect, it } from "vitest";
import { auditVerdict } from "./auditVerdict";

const intact = { ok: true, checked: 120, first_bad_entry: null, problem: null, checkpoints: 3, problems: [] };

describe("auditVerdict", () => {
  it("says how many entries and checkpoints an intact chain was checked against", () => {
    expect(auditVerdict(intact)).toBe("Chain intact — 120 entries checked against 3 signed checkpoints");
  });

  it("names the first broken entry when a link is broken", () => {
    const report = { ...intact, ok: false, first_bad_entry: 42, problem: "hash does not match", problems: ["x"] };
    expect(auditVerdict(report)).toBe("Chain broken at entry 42: hash does not match");
  });

  it("names the checkpoint problem when every link holds but the checkpoints do not", () => {
    const problem = "checkpoint #7 signed head 90 but the log ends at 85 (entries were removed)";
    const report = { ...intact, ok: false, checkpoints: 1, problem, problems: [problem] };
    expect(auditVerdict(report)).toBe(`Chain does not match its 1 signed checkpoint: ${problem}`);
  });
});
