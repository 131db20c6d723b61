import { describe, expect, it } from "vitest";
import {
  describePlateSearch,
  EMPTY_PLATE_FORM,
  hasErrors,
  readsQuery,
  trajectoryQuery,
  validatePlateForm,
  validatePlatePattern,
} from "./plateQuery";

const purpose = { purpose: "Stolen car complaint", caseRef: "FIR 12/2026" };

describe("validatePlatePattern", () => {
  it("accepts plates, partial plates and wildcard patterns", () => {
    for (const pattern of ["LEB-06-5700", "LE?-06-57*", "*5700", "leb 5700", "RIA_9133", ""]) {
      expect(validatePlatePattern(pattern)).toBeNull();
    }
  });

  it("needs three letters or digits besides wildcards and the middle year", () => {
    expect(validatePlatePattern("*5*")).toMatch("at least 3");
    expect(validatePlatePattern("A-12-B")).toMatch("year does not count");
    expect(validatePlatePattern("AB?")).toMatch("at least 3");
  });

  it("refuses characters the server refuses and overlong patterns", () => {
    expect(validatePlatePattern("LEB%5700")).toMatch("wildcards * and ?");
    expect(validatePlatePattern("LEB'; DROP")).toMatch("wildcards * and ?");
    expect(validatePlatePattern("A".repeat(25))).toMatch("At most 24");
  });
});

describe("validatePlateForm", () => {
  it("refuses a search with no plate, camera or time", () => {
    expect(validatePlateForm(EMPTY_PLATE_FORM).plate).toMatch("Give a plate, a camera or a time range");
    expect(hasErrors(validatePlateForm({ ...EMPTY_PLATE_FORM, cameraId: "cam-1" }))).toBe(false);
  });

  it("names the field of a backwards time range", () => {
    const errors = validatePlateForm({ ...EMPTY_PLATE_FORM, plate: "LEB*", since: "2026-05-02T10:00", until: "2026-05-01T10:00" });
    expect(errors).toEqual({ until: "The end must be after the start." });
  });
});

describe("readsQuery", () => {
  it("sends the pattern as typed, the look-alike option, the purpose and the case reference", () => {
    const query = readsQuery({ ...EMPTY_PLATE_FORM, plate: " LE?-06-57* ", fuzzy: true, limit: 500 }, purpose);
    expect(query).toEqual({
      plate: "LE?-06-57*",
      fuzzy: true,
      camera_id: undefined,
      since: undefined,
      until: undefined,
      limit: 500,
      purpose: "Stolen car complaint",
      case_ref: "FIR 12/2026",
    });
  });

  it("turns local times into instants with a zone and leaves out an empty case reference", () => {
    const query = readsQuery(
      { ...EMPTY_PLATE_FORM, cameraId: "cam-2", since: "2026-05-01T08:00", until: "2026-05-01T09:30" },
      { purpose: "Hit and run", caseRef: "" },
    );
    expect(query.since).toBe(new Date("2026-05-01T08:00").toISOString());
    expect(query.until).toBe(new Date("2026-05-01T09:30").toISOString());
    expect(query.camera_id).toBe("cam-2");
    expect(query).not.toHaveProperty("case_ref");
    expect(query.fuzzy).toBeUndefined();
  });

  it("asks for a trajectory of one plate within the search's time range", () => {
    const form = { ...EMPTY_PLATE_FORM, plate: "LEB*", since: "2026-05-01T08:00" };
    expect(trajectoryQuery("LEB-06-5700", form, purpose)).toMatchObject({
      plate: "LEB-06-5700",
      since: new Date("2026-05-01T08:00").toISOString(),
      purpose: "Stolen car complaint",
    });
  });
});

it("describes the search for the purpose prompt", () => {
  const name = (id: string) => (id === "cam-1" ? "Kalma Chowk" : id);
  expect(describePlateSearch({ ...EMPTY_PLATE_FORM, plate: "LEB*", fuzzy: true, cameraId: "cam-1" }, name)).toBe(
    "Plate search: LEB*, including look-alike characters, at Kalma Chowk",
  );
});
