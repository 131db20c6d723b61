import { describe, expect, it } from "vitest";
import { actionLabel, inChainOrder, summariseDetails } from "./custody";
import type { CustodyEntry } from "./types";

const entry = (seq: number, action: string): CustodyEntry => ({
  seq,
  time: `2026-01-01T00:0${seq}:00Z`,
  action,
  actor: "investigator",
  role: "investigator",
  purpose: "",
  case_ref: "",
  details: "{}",
  prev_hash: "0",
  hash: String(seq),
});

describe("custody entries for people", () => {
  it("lists the chain oldest first", () => {
    expect(inChainOrder([entry(3, "viewed"), entry(1, "collected"), entry(2, "redacted")]).map((e) => e.seq)).toEqual([
      1, 2, 3,
    ]);
  });

  it("summarises details in one line", () => {
    expect(summariseDetails('{"derivative_item_id": 2, "regions": [[1,2,3,4]], "empty": ""}')).toBe(
      "derivative item id: 2; regions: 1 entry",
    );
    expect(summariseDetails('{"metadata": {"kind": "upload"}}')).toBe("metadata: recorded");
    expect(summariseDetails("plain text")).toBe("plain text");
  });

  it("names actions in words", () => {
    expect(actionLabel("retention_changed")).toBe("Retention changed");
    expect(actionLabel("something_new")).toBe("something_new");
  });
});
