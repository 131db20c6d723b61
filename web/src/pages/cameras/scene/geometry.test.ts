import { describe, expect, it } from "vitest";
import {
  closePolygon,
  inwardNormal,
  moveVertex,
  nextVertex,
  removeVertex,
  rounded,
  selfIntersects,
  swapDirection,
  toNormalised,
  toPixels,
} from "./geometry";
import { pointsAt } from "./testPoints";

describe("pixel and normalised coordinates", () => {
  it.each([
    { width: 640, height: 360 },
    { width: 1280, height: 720 },
    { width: 333, height: 250 },
  ])("map a point on a %o display to the same frame fraction and back", (displayed) => {
    const pixel = { x: displayed.width * 0.25, y: displayed.height * 0.8 };
    const normalised = toNormalised(pixel, displayed);
    expect(normalised.x).toBeCloseTo(0.25);
    expect(normalised.y).toBeCloseTo(0.8);
    const back = toPixels(normalised, displayed);
    expect(back.x).toBeCloseTo(pixel.x);
    expect(back.y).toBeCloseTo(pixel.y);
  });

  it("keeps points dragged past the picture's edge inside the frame", () => {
    expect(toNormalised({ x: -20, y: 900 }, { width: 800, height: 450 })).toEqual({ x: 0, y: 1 });
  });

  it("does not divide by a picture that has no size yet", () => {
    expect(toNormalised({ x: 10, y: 10 }, { width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });

  it("rounds saved coordinates to a ten-thousandth of the frame", () => {
    expect(rounded({ x: 0.123456, y: 0.99999 })).toEqual({ x: 0.1235, y: 1 });
  });
});

describe("closing a polygon", () => {
  it("counts repeated clicks on one spot once", () => {
    const points = pointsAt([0.1, 0.1], [0.5, 0.1], [0.5, 0.1], [0.5, 0.5]);
    expect(closePolygon(points)).toEqual([points[0], points[1], points[3]]);
  });

  it("drops a last click on the first vertex, since the outline closes by itself", () => {
    const square = pointsAt([0.1, 0.1], [0.5, 0.1], [0.5, 0.5], [0.1, 0.5]);
    expect(closePolygon([...square, { x: 0.1005, y: 0.1 }])).toEqual(square);
  });
});

describe("editing vertices", () => {
  const triangle = pointsAt([0.1, 0.1], [0.9, 0.1], [0.5, 0.9]);

  it("moves one vertex and keeps it inside the frame", () => {
    expect(moveVertex(triangle, 1, { x: 1.4, y: 0.3 })).toEqual([triangle[0], { x: 1, y: 0.3 }, triangle[2]]);
  });

  it("removes one vertex", () => {
    expect(removeVertex(triangle, 0)).toEqual([triangle[1], triangle[2]]);
  });

  it("adds a new vertex halfway along the closing edge, or in the middle of an empty frame", () => {
    expect(nextVertex(triangle)).toEqual({ x: 0.3, y: 0.5 });
    expect(nextVertex([])).toEqual({ x: 0.5, y: 0.5 });
  });
});

describe("line direction", () => {
  it("swapping turns the line round", () => {
    const start = { x: 0.1, y: 0.5 };
    const end = { x: 0.9, y: 0.5 };
    expect(swapDirection([start, end])).toEqual([end, start]);
  });

  it("marks the right-hand side (downwards for a line drawn left to right) as 'in'", () => {
    const normal = inwardNormal({ x: 0, y: 100 }, { x: 200, y: 100 });
    expect(normal.x).toBeCloseTo(0);
    expect(normal.y).toBe(1);
    const swapped = inwardNormal({ x: 200, y: 100 }, { x: 0, y: 100 });
    expect(swapped.y).toBe(-1);
  });
});

describe("self-intersection", () => {
  it("accepts a simple outline and refuses a bow tie", () => {
    const square = pointsAt([0, 0], [1, 0], [1, 1], [0, 1]);
    const bowTie = pointsAt([0, 0], [1, 1], [1, 0], [0, 1]);
    expect(selfIntersects(square)).toBe(false);
    expect(selfIntersects(bowTie)).toBe(true);
  });
});
