import { describe, expect, it } from "vitest";
import { camerasOnPage, pageCount, specFromQuery, specQuery, tileWidth, withCamera, withLayout, type WallSpec } from "./wallLayout";

const cams = (n: number) => Array.from({ length: n }, (_, i) => `cam-${i + 1}`);

describe("video wall layouts", () => {
  it("fills each layout's tiles and pads the rest with empty tiles", () => {
    const spec: WallSpec = { layout: "1+5", cameraIds: cams(3), tourSeconds: null };
    expect(camerasOnPage(spec, 0)).toEqual(["cam-1", "cam-2", "cam-3", null, null, null]);
    expect(camerasOnPage({ ...spec, layout: "16" }, 0)).toHaveLength(16);
    expect(pageCount(spec)).toBe(1);
  });

  it("tours a camera group a layout-full at a time and wraps around", () => {
    const tour: WallSpec = { layout: "4", cameraIds: cams(10), tourSeconds: 10 };
    expect(pageCount(tour)).toBe(3);
    expect(camerasOnPage(tour, 1)).toEqual(["cam-5", "cam-6", "cam-7", "cam-8"]);
    expect(camerasOnPage(tour, 2)).toEqual(["cam-9", "cam-10", null, null]);
    expect(camerasOnPage(tour, 3)).toEqual(camerasOnPage(tour, 0));
  });

  it("keeps cameras beyond a smaller layout only for a tour", () => {
    const wall: WallSpec = { layout: "9", cameraIds: cams(9), tourSeconds: null };
    expect(withLayout(wall, "4").cameraIds).toEqual(cams(4));
    expect(withLayout({ ...wall, tourSeconds: 5 }, "4").cameraIds).toEqual(cams(9));
    expect(withCamera({ layout: "4", cameraIds: [], tourSeconds: null }, 2, "cam-9").cameraIds).toEqual([null, null, "cam-9"]);
  });

  it("asks for pictures the size of the tile, never a full frame for a thumbnail", () => {
    expect(tileWidth(300)).toBe(320);
    expect(tileWidth(300, 2)).toBe(640);
    expect(tileWidth(20)).toBe(160);
    expect(tileWidth(5000)).toBe(1920);
  });

  it("carries a wall to a pop-out window in its address", () => {
    const spec: WallSpec = { layout: "1+5", cameraIds: ["a", null, "b"], tourSeconds: 8 };
    expect(specFromQuery(specQuery(spec))).toEqual(spec);
    expect(specFromQuery("layout=bogus").layout).toBe("4");
  });
});
