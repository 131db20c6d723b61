import { describe, expect, it, vi } from "vitest";
import { ApiClient, ApiError } from "../../../api/client";
import { jsonResponse } from "../../../test/fakes";
import { formErrorsOf } from "./apiErrors";

async function refusal(status: number, body: unknown): Promise<unknown> {
  const client = new ApiClient({ fetch: vi.fn(async () => jsonResponse(status, body)), storage: null });
  return client.POST("/api/v1/hotlists", { body: {} as never }).catch((e: unknown) => e);
}

describe("refusals shown next to the field that caused them", () => {
  it("keys a 422 by the form's own fields, names other fields at form level, drops 'Value error'", async () => {
    const caught = await refusal(422, {
      detail: [
        { loc: ["body", "name"], msg: "String should match pattern" },
        { loc: ["body", "plate"], msg: "Value error, a plate needs at least one letter or digit" },
        { loc: ["body", "colour"], msg: "Extra inputs are not permitted" },
      ],
    });
    expect(formErrorsOf(caught, ["name", "plate"])).toEqual({
      name: "String should match pattern",
      plate: "a plate needs at least one letter or digit",
      form: "colour: Extra inputs are not permitted",
    });
  });

  it("puts a 409 on the field that must change, and explains 403 and 404", () => {
    expect(formErrorsOf(new ApiError(409, "a hotlist named 'x' exists already"), ["name"], "name")).toEqual({
      name: "a hotlist named 'x' exists already",
    });
    expect(formErrorsOf(new ApiError(403, "missing permission"), [])).toEqual({
      form: "Not permitted: your role may not change watchlists (missing permission).",
    });
    expect(formErrorsOf(new ApiError(404, "no hotlist 3"), []).form).toMatch(/^Not found \(no hotlist 3\)/);
  });
});
