import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { createBody, draftOf, patchBody, refusalErrors, validateDraft } from "./personDraft";
import { personOut } from "./testing";

describe("a record's draft", () => {
  it("needs a name, legal basis and review date, complete FIR rows, and a reason when editing", () => {
    const draft = { ...draftOf(null), firs: [{ number: "12/2026", police_station: "" }] };
    expect(Object.keys(validateDraft(draft, true)).sort()).toEqual(["firs", "legal_basis", "name", "reason", "review_date"]);
    expect(validateDraft({ ...draftOf(personOut()), reason: "new FIR registered" }, true)).toEqual({});
  });

  it("sends a new record whole, aliases one per line and empty optional fields as null", () => {
    const draft = { ...draftOf(null), name: " Imran ", aliases: "Immi\n\nIK, Khan sahib", legal_basis: "Order 1", review_date: "2099-01-01" };
    expect(createBody(draft)).toMatchObject({
      name: "Imran",
      aliases: ["Immi", "IK", "Khan sahib"],
      cnic: null,
      date_of_birth: null,
      gender: null,
      legal_basis_expires: null,
      firs: [],
    });
  });

  it("sends only what an edit changed, with the reason; the masked CNIC is not sent back", () => {
    const person = personOut();
    const draft = { ...draftOf(person), status: "wanted" as const, aliases: "Immi\nIK", reason: "court declared him wanted" };
    expect(patchBody(draft, person)).toEqual({ reason: "court declared him wanted", status: "wanted", aliases: ["Immi", "IK"] });
  });

  it("puts the server's 422 beside the field it names, any FIR row's under FIRs", () => {
    const refusal = new ApiError(422, "invalid", null, [
      { field: "cnic", message: "a CNIC has 13 digits", path: ["cnic"] },
      { field: "police_station", message: "must not be blank", path: ["firs", 0, "police_station"] },
      { field: "", message: "review_date cannot be removed from a record", path: [] },
    ]);
    expect(refusalErrors(refusal)).toEqual({
      cnic: "a CNIC has 13 digits",
      firs: "must not be blank",
      form: "review_date cannot be removed from a record",
    });
  });
});
