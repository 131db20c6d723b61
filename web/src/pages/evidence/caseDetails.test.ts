import { describe, expect, it } from "vitest";
import { caseDetailsForm, caseDetailsPatch } from "./caseDetails";
import type { EvidenceCase } from "./types";

const theCase: EvidenceCase = {
  id: 3,
  reference: "FIR 3/2026",
  title: "Theft",
  description: "",
  incident_ref: "",
  status: "open",
  created_by: "investigator",
  created_at: "2026-01-01T00:00:00Z",
  closed_at: null,
};

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
