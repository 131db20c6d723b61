import { describe, expect, it } from "vitest";
import { ApiError } from "./client";
import { describeError, fieldOfError, formErrors, reasonOf } from "./errors";

describe("describeError", () => {
  it("names the kind of refusal, then the server's reason", () => {
    expect(describeError(new ApiError(422, "plate: 'ZZ' is not a plate"))).toBe("Not accepted: plate: 'ZZ' is not a plate");
    expect(describeError(new ApiError(403, "role 'operator' lacks permission"))).toBe(
      "Not permitted: role 'operator' lacks permission",
    );
    expect(describeError(new ApiError(409, "ticket is paid"))).toBe("Conflict: ticket is paid");
    expect(describeError(new ApiError(500, "boom"))).toBe("The server answered 500: boom");
  });

  it("takes a page's words for a conflict or a missing route", () => {
    expect(describeError(new ApiError(409, "unit taken"), { conflict: "P-1 could not be assigned." })).toBe(
      "P-1 could not be assigned. (unit taken)",
    );
    expect(describeError(new ApiError(404, "Not Found"), { unavailable: "Plate search" })).toBe(
      "Plate search is not available on this server.",
    );
    expect(describeError(new ApiError(404, "no ticket X"))).toBe("Not found: no ticket X");
  });

  it("says when the server cannot be reached, and when to retry", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toBe("Cannot reach the server. Check the connection and try again.");
    expect(describeError(new ApiError(429, "slow down", 30))).toBe("Too many requests; try again in 30 s.");
    expect(describeError(new Error("aborted"))).toBe("aborted");
  });

  it("gives the reason alone for a message beside its field", () => {
    expect(reasonOf(new ApiError(422, "until is before since"))).toBe("until is before since");
    expect(reasonOf(new TypeError("Failed to fetch"))).toBe("Cannot reach the server. Check the connection and try again.");
  });
});

describe("fieldOfError", () => {
  it("takes the field a 422 problem names, else the field its sentence names", () => {
    const located = new ApiError(422, "bad", null, [{ field: "until", message: "bad", path: ["until"] }]);
    expect(fieldOfError(located, ["since", "until"] as const)).toBe("until");
    expect(fieldOfError(new ApiError(422, "plate: 'ZZ' is not a plate"), ["plate", "note"] as const)).toBe("plate");
    expect(fieldOfError(new ApiError(422, "no usable face in the photo"), { file: /face|photo/i, since: /since/i })).toBe("file");
    expect(fieldOfError(new ApiError(422, "something else"), ["plate"] as const)).toBeNull();
  });

  it("reads other statuses only when asked", () => {
    const conflict = new ApiError(409, "the violation has no plate");
    expect(fieldOfError(conflict, ["plate"] as const)).toBeNull();
    expect(fieldOfError(conflict, ["plate"] as const, { anyStatus: true })).toBe("plate");
    expect(fieldOfError(new Error("offline"), ["plate"] as const, { anyStatus: true })).toBeNull();
  });
});

describe("formErrors", () => {
  const refusal = new ApiError(422, "", null, [
    { field: "reason", message: "too short", path: ["reason"] },
    { field: "purpose", message: "needs a purpose", path: ["purpose"] },
  ]);

  it("puts a 422's problems beside the form's fields and names the others for the form", () => {
    expect(formErrors(refusal, ["reason"])).toEqual({ fields: { reason: "too short" }, form: "purpose: needs a purpose" });
    expect(formErrors(refusal, ["reason", "purpose"])).toEqual({
      fields: { reason: "too short", purpose: "needs a purpose" },
      form: null,
    });
  });

  it("gives any other refusal to the form in words", () => {
    expect(formErrors(new ApiError(409, "item 3 cannot be exported"), ["reason"])).toEqual({
      fields: {},
      form: "Conflict: item 3 cannot be exported",
    });
    expect(formErrors(new ApiError(403, "role lacks evidence.export"), [])).toEqual({
      fields: {},
      form: "Not permitted: role lacks evidence.export",
    });
  });
});
