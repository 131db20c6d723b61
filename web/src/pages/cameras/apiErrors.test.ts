import { describe, expect, it } from "vitest";
import { ApiError, problemsOf } from "../../api/client";
import { describeFailure, fieldErrorsOf, validationIssues } from "./apiErrors";

/** The issues of a 422 with this body, as the shared client reports them. */
const refused = (body: unknown) => validationIssues(new ApiError(422, "", null, problemsOf(body)));

describe("the server's 422", () => {
  it("names the field of each problem, without pydantic's prefix", () => {
    const issues = refused({
      detail: [
        { loc: ["body", "url"], msg: "Value error, not a valid camera URL (use rtsp, file or a file path)" },
        { loc: ["body", "detect_fps"], msg: "Input should be greater than 0" },
        { loc: ["body"], msg: "Value error, latitude and longitude go together: give both or neither" },
      ],
    });
    expect(fieldErrorsOf(issues, ["url", "detect_fps", "latitude"])).toEqual({
      fields: {
        url: "not a valid camera URL (use rtsp, file or a file path)",
        detect_fps: "Input should be greater than 0",
        latitude: "latitude and longitude go together: give both or neither",
      },
      general: null,
    });
  });

  it("finds the field in a plain-sentence refusal", () => {
    expect(refused({ detail: "name: may not be null" })).toEqual([{ path: ["name"], message: "name: may not be null" }]);
  });
});

describe("other refusals", () => {
  it("are put in words", () => {
    expect(describeFailure(new ApiError(409, "camera 'a' already exists"), "add the camera")).toBe("camera 'a' already exists");
    expect(describeFailure(new ApiError(403, "role lacks permission"), "delete the camera")).toBe(
      "You are not permitted to delete the camera: role lacks permission",
    );
  });
});
