import { describe, expect, it } from "vitest";
import { caseDetailsForm, caseDetailsPatch } from "./caseDetails";
import { OPEN_CASE } from "./testData";

const theCase = OPEN_CASE;

describe("editing a case's details", () => {
  it("sends only what changed, trimmed as the server stores it", () => {
    const form = { ...caseDetailsForm(theCase), title: "  Armed theft ", incident_ref: " INC-9 " };
    expect(caseDetailsPatch(theCase, form)).toEqual({ patch: { title: "Armed theft", incident_ref: "INC-9" } });
  });

  it("sends nothing when nothing changed", () => {
    expect(caseDetailsPatch(theCase, { ...caseDetailsForm(theCase), title: " Theft " })).toEqual({ patch: {} });
  });

  it("needs a title and keeps each field within its length", () => {
    expect(caseDetailsPatch(theCase, { title: "  ", description: "", incident_ref: "x".repeat(129) })).toEqual({
      errors: { title: "A case needs a title.", incident_ref: "At most 128 characters." },
    });
  });
});
