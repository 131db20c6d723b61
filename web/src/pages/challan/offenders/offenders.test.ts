import { describe, expect, it } from "vitest";
import { rankOffenders } from "./OffendersPanel";

const offender = (plate: string, tickets: number, unpaid: number) => ({
  plate,
  tickets,
  unpaid,
  unpaid_amount: `PKR ${unpaid * 500}`,
  last_at: "2026-12-03T09:00:00Z",
});

describe("repeat offenders", () => {
  it("lists the most unpaid tickets first, then the most tickets, then by plate", () => {
    const ranked = rankOffenders([offender("LEA-1", 5, 0), offender("LEB-2", 3, 2), offender("ABC-3", 4, 2), offender("AAA-4", 4, 2)]);
    expect(ranked.map((o) => o.plate)).toEqual(["AAA-4", "ABC-3", "LEB-2", "LEA-1"]);
  });
});
