import { describe, expect, it } from "vitest";
import {
  dragToRect,
  fieldsToRect,
  rectToFields,
  rectToBox,
  rectToPercent,
  regionsFromDetails,
  toImagePoint,
} from "./geometry";

const natural = { width: 640, height: 480 };
const halfSize = { width: 320, height: 240 };

describe("mouse drag to image pixels", () => {
  it("scales a point on the displayed image to the image's own pixels", () => {
    expect(toImagePoint({ x: 100, y: 50 }, halfSize, natural)).toEqual({ x: 200, y: 100 });
  });

  it("keeps points dragged outside the image on its edge", () => {
    expect(toImagePoint({ x: -20, y: 400 }, halfSize, natural)).toEqual({ x: 0, y: 480 });
  });

  it("gives the same rectangle whichever way the mouse moved", () => {
    const down = dragToRect({ x: 10, y: 20 }, { x: 60, y: 80 }, halfSize, natural);
    const up = dragToRect({ x: 60, y: 80 }, { x: 10, y: 20 }, halfSize, natural);
    expect(down).toEqual({ x1: 20, y1: 40, x2: 120, y2: 160 });
    expect(up).toEqual(down);
  });

  it("treats a click or a tiny drag as no region", () => {
    expect(dragToRect({ x: 10, y: 10 }, { x: 10, y: 10 }, halfSize, natural)).toBeNull();
    expect(dragToRect({ x: 10, y: 10 }, { x: 11, y: 60 }, halfSize, natural)).toBeNull();
  });

  it("places a rectangle over the displayed image in percentages", () => {
    expect(rectToPercent({ x1: 64, y1: 48, x2: 320, y2: 240 }, natural)).toEqual({
      left: 10,
      top: 10,
      width: 40,
      height: 40,
    });
  });
});

describe("keyboard entry of a region", () => {
  it("turns left, top, width and height into a rectangle", () => {
    expect(fieldsToRect({ x: "10", y: "20", width: "100", height: "50" }, natural)).toEqual({
      rect: { x1: 10, y1: 20, x2: 110, y2: 70 },
    });
  });

  it.each([
    {
      rule: "names every field that is empty, fractional or negative",
      fields: { x: "", y: "1.5", width: "-3", height: "abc" },
      errors: {
        x: "Left must be a whole number of pixels.",
        y: "Top must be a whole number of pixels.",
        width: "Width must be between 4 and 640.",
        height: "Height must be a whole number of pixels.",
      },
    },
    {
      rule: "refuses a region that reaches past the image's edges",
      fields: { x: "600", y: "400", width: "100", height: "100" },
      errors: {
        width: "Reaches past the right edge: at most 40 from left 600.",
        height: "Reaches past the bottom edge: at most 80 from top 400.",
      },
    },
  ])("$rule", ({ fields, errors }) => {
    expect(fieldsToRect(fields, natural)).toEqual({ errors });
  });

  it("round-trips through the fields", () => {
    const rect = { x1: 5, y1: 6, x2: 50, y2: 60 };
    expect(fieldsToRect(rectToFields(rect), natural)).toEqual({ rect });
  });
});

describe("regions between the console and the server", () => {
  it("sends a rectangle as the API's [x1, y1, x2, y2] box", () => {
    expect(rectToBox({ x1: 215, y1: 170, x2: 265, y2: 184 })).toEqual([215, 170, 265, 184]);
  });

  it("reads the regions from a custody entry's details and ignores anything malformed", () => {
    expect(regionsFromDetails('{"regions": [[1, 2, 30, 40], [5, "x", 1, 1]], "other": 1}')).toEqual([
      { x1: 1, y1: 2, x2: 30, y2: 40 },
    ]);
    expect(regionsFromDetails('{"metadata": {}}')).toEqual([]);
    expect(regionsFromDetails("not json")).toEqual([]);
  });

  it("reads one kind of region by its key; a video's counts give no boxes", () => {
    const details = '{"regions": [[1, 1, 5, 5], [9, 9, 20, 20]], "drawn_regions": [[9, 9, 20, 20]], "face_regions": 3}';
    expect(regionsFromDetails(details, "drawn_regions")).toEqual([{ x1: 9, y1: 9, x2: 20, y2: 20 }]);
    expect(regionsFromDetails(details, "face_regions")).toEqual([]);
  });
});
