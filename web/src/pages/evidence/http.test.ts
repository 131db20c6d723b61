import { describe, expect, it } from "vitest";
import { filenameOf, FormApiError, parseErrorBody, splitErrors } from "./http";

describe("API errors for forms", () => {
  it("maps FastAPI validation errors to the fields they name", () => {
    const error = parseErrorBody(
      422,
      {
        detail: [
          { loc: ["body", "reference"], msg: "case 'FIR 1' already exists" },
          { loc: ["query", "purpose"], msg: "Value error, needs a purpose" },
        ],
      },
      "Unprocessable",
    );
    expect(error.fields).toEqual({ reference: "case 'FIR 1' already exists", purpose: "needs a purpose" });
    expect(error.message).toBe("reference: case 'FIR 1' already exists; purpose: needs a purpose");
  });

  it("says in words when the role is not permitted", () => {
    const error = parseErrorBody(403, { detail: "role 'supervisor' lacks permission 'evidence.export'" }, "Forbidden");
    expect(error.message).toBe("Not permitted: role 'supervisor' lacks permission 'evidence.export'");
    expect(error.fields).toEqual({});
  });

  it("puts field errors next to known fields and the rest by the submit button", () => {
    const error = new FormApiError(422, "x", { reason: "too short", body: "bad" });
    expect(splitErrors(error, ["reason"])).toEqual({ fields: { reason: "too short" }, general: "body: bad" });
    expect(splitErrors(new FormApiError(409, "item 3 cannot be exported"), ["reason"])).toEqual({
      fields: {},
      general: "item 3 cannot be exported",
    });
  });

  it("reads the file name the server gives a download", () => {
    expect(filenameOf('attachment; filename="evidence-20261122T063604Z-73047a62.zip"')).toBe(
      "evidence-20261122T063604Z-73047a62.zip",
    );
    expect(filenameOf(null)).toBeNull();
  });
});
