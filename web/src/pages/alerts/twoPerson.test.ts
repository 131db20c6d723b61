import { describe, expect, it } from "vitest";
import { makeCandidate } from "./testData";
import { twoPersonState } from "./twoPerson";
import type { CandidateDecision } from "./types";

const decision = (username: string, kind: "confirm" | "reject" = "confirm"): CandidateDecision => ({
  username,
  role: "operator",
  decision: kind,
  note: "",
  created_at: "2025-05-01T10:01:00Z",
});

describe("the two-person state of a face candidate", () => {
  it("needs two confirmations when nobody has decided", () => {
    const state = twoPersonState(makeCandidate(), "bob");
    expect(state.summary).toMatch(/needs 2 confirmations by different people/);
    expect(state).toMatchObject({ canDecide: true, confirmations: 0 });
  });

  it("names the first confirmer and awaits a second, different user", () => {
    const state = twoPersonState(makeCandidate({ decisions: [decision("alice")] }), "bob");
    expect(state.summary).toBe(
      "First confirmation by alice. Awaiting a second, different user: your confirmation would make it a match.",
    );
    expect(state).toMatchObject({ canDecide: true, confirmations: 1 });
  });

  it("tells the first confirmer they cannot confirm twice", () => {
    const state = twoPersonState(makeCandidate({ decisions: [decision("alice")] }), "alice");
    expect(state.summary).toBe(
      "First confirmation by alice (you). Awaiting a second, different user: you cannot confirm twice.",
    );
    expect(state.canDecide).toBe(false);
  });

  it("reports a confirmed match and who confirmed it", () => {
    const candidate = makeCandidate({ status: "confirmed", decisions: [decision("alice"), decision("bob")] });
    expect(twoPersonState(candidate, "bob").summary).toBe("Confirmed match: confirmed by alice and bob (you).");
  });

  it("reports who rejected it", () => {
    const candidate = makeCandidate({ status: "rejected", decisions: [decision("alice"), decision("carol", "reject")] });
    expect(twoPersonState(candidate, "bob")).toMatchObject({ summary: "Rejected by carol.", canDecide: false });
  });
});
