import { describe, expect, it } from "vitest";

import { suggestedIncidentType } from "./dialogs";
import { makeAlert } from "./testData";

const CODES = ["missing_person", "wanted_person", "suspicious_activity", "other"];

describe("the incident type offered first for an alert", () => {
  it("is a wanted-person sighting for a person of interest, a missing person when the record says so", () => {
    const wanted = makeAlert({ kind: "person_of_interest", details: { status: "proclaimed_offender" } });
    const missing = makeAlert({ kind: "person_of_interest", details: { status: "missing" } });
    expect(suggestedIncidentType(wanted, CODES)).toBe("wanted_person");
    expect(suggestedIncidentType(missing, CODES)).toBe("missing_person");
  });

  it("falls back to other when the taxonomy lacks the suggestion", () => {
    const wanted = makeAlert({ kind: "person_of_interest", details: { status: "wanted" } });
    expect(suggestedIncidentType(wanted, ["other"])).toBe("other");
  });
});
