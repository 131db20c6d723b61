import { describe, expect, it } from "vitest";
import { checkFacts, consumerRows } from "./healthFacts";

const bus = {
  ok: false,
  reason: "consumers stopped: alerts",
  kind: "embedded",
  wakeup: { kind: "listen", listening: true },
  head: 120,
  dead_letters: 0,
  consumers: {
    index: { position: 118, pending: 2, running: true },
    challan: { position: 60, pending: 60, running: true },
    alerts: { position: 100, pending: 20, running: false },
  },
};

describe("the System page's health in words", () => {
  it("lists a check's facts as words, nested ones flattened, consumers apart", () => {
    expect(checkFacts(bus)).toEqual([
      "reason: consumers stopped: alerts",
      "kind: embedded",
      "wakeup kind: listen",
      "wakeup listening: yes",
      "head: 120",
      "dead letters: 0",
    ]);
  });

  it("puts stopped consumers first, then the most behind", () => {
    expect(consumerRows(bus).map((row) => [row.name, row.running, row.pending])).toEqual([
      ["alerts", false, 20],
      ["challan", true, 60],
      ["index", true, 2],
    ]);
    expect(consumerRows({ ok: true })).toEqual([]);
  });
});
