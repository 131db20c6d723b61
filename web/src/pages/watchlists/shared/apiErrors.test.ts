import { describe, expect, it } from "vitest";
import { ApiClient, ApiError } from "../../../api/client";
import { jsonResponse } from "../../../test/fakes";
import { formErrorsOf, problemsOf, readable, sendChange, ValidationFailed } from "./apiErrors";

describe("refusals shown next to the field that caused them", () => {
  it("reads the field of each 422 problem and drops pydantic's 'Value error' prefix", () => {
    expect(
      problemsOf([
        { loc: ["body", "plate"], msg: "Value error, a plate needs at least one letter or digit" },
        { loc: ["body"], msg: "Input should be an object" },
      ]),
    ).toEqual([
      { field: "plate", message: "a plate needs at least one letter or digit" },
      { field: "", message: "Input should be an object" },
    ]);
  });

  it("drops the prefix after a field name too, as in CSV row reports", () => {
    expect(readable("plate: Value error, hotlist plates cannot contain wildcards")).toBe(
      "plate: hotlist plates cannot contain wildcards",
    );
  });

  it("keys errors by the form's own fields, and names other fields at form level", () => {
    const failed = new ValidationFailed([
      { field: "name", message: "String should match pattern" },
      { field: "colour", message: "Extra inputs are not permitted" },
    ]);
    expect(formErrorsOf(failed, ["name"])).toEqual({
      name: "String should match pattern",
      form: "colour: Extra inputs are not permitted",
    });
  });

  it("puts a 409 on the field that must change, and explains 403", () => {
    expect(formErrorsOf(new ApiError(409, "a hotlist named 'x' exists already"), ["name"], "name")).toEqual({
      name: "a hotlist named 'x' exists already",
    });
    expect(formErrorsOf(new ApiError(403, "missing permission"), [])).toEqual({
      form: "Not permitted: your role may not change watchlists (missing permission).",
    });
  });

  it("sendChange turns a 422 answer into ValidationFailed and passes other answers through", async () => {
    const answers = [
      jsonResponse(422, { detail: [{ loc: ["body", "file"], msg: "no face found in wall.jpg" }] }),
      jsonResponse(201, { id: 1 }),
    ];
    const client = new ApiClient({ fetch: async () => answers.shift() as Response, storage: null });
    await expect(sendChange(client, "POST", "/x")).rejects.toEqual(
      new ValidationFailed([{ field: "file", message: "no face found in wall.jpg" }]),
    );
    await expect(sendChange(client, "POST", "/x")).resolves.toEqual({ id: 1 });
  });
});
