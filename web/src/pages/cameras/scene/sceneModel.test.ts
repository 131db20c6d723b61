import { describe, expect, it } from "vitest";
import { checkScene, newShape, placeServerIssues, SceneConversionError, sceneFromApi, sceneToApi, type Shape } from "./sceneModel";
import { pointsAt } from "./testPoints";

const DEMO_SCENE = { lines: [{ name: "crossing", start: [0.05, 0.6], end: [0.95, 0.6] }] };

function shape(partial: Partial<Shape> & Pick<Shape, "kind">): Shape {
  return { ...newShape(partial.kind, []), finished: true, ...partial };
}

describe("reading the API's scene", () => {
  it("turns the demo's counting line into an editable line", () => {
    const { shapes } = sceneFromApi(DEMO_SCENE, null);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]).toMatchObject({
      kind: "line",
      name: "crossing",
      finished: true,
      points: [
        { x: 0.05, y: 0.6 },
        { x: 0.95, y: 0.6 },
      ],
    });
  });

  it("converts a scene stored in pixels with the picture's size", () => {
    const scene = { units: "pixels", zones: [{ name: "gate", polygon: [[64, 36], [640, 36], [640, 360]] }] };
    const { shapes } = sceneFromApi(scene, { width: 1280, height: 720 });
    expect(shapes[0]?.points).toEqual(pointsAt([0.05, 0.05], [0.5, 0.05], [0.5, 0.5]));
  });

  it("reads shapes with coordinates beyond 0..1 as pixels when units are automatic, like the pipeline", () => {
    const scene = { zones: [{ name: "a", polygon: [[0, 0], [100, 0], [100, 50]] }] };
    expect(sceneFromApi(scene, { width: 200, height: 100 }).shapes[0]?.points[2]).toEqual({ x: 0.5, y: 0.5 });
    expect(() => sceneFromApi(scene, null)).toThrow(SceneConversionError);
  });

  it("keeps the rule options as text and what the editor does not edit as it was", () => {
    const scene = {
      motion: { threshold: 30 },
      zones: [{ name: "gate", polygon: [[0.1, 0.1], [0.2, 0.1], [0.2, 0.2]], classes: ["person", "car"], dwell_seconds: 30 }],
      signals: [
        {
          name: "north",
          start: [0.1, 0.5],
          end: [0.9, 0.5],
          schedule: { steps: [{ phase: "red", seconds: 30 }] },
        },
      ],
    };
    const { shapes, preserved } = sceneFromApi(scene, null);
    expect(preserved).toEqual({ motion: { threshold: 30 } });
    expect(shapes[0]?.options).toMatchObject({ classes: "person, car", dwell_seconds: "30", loiter_seconds: "" });
    expect(shapes[1]?.extra).toEqual({ schedule: { steps: [{ phase: "red", seconds: 30 }] } });
  });
});

describe("threat rules in the editor", () => {
  it("reads a pixel scene's radius as a fraction of the frame width, the unit the editor saves in", () => {
    const scene = { units: "pixels", abandoned_objects: [{ name: "lobby", polygon: [[0, 0], [640, 0], [640, 360]], radius: 128 }] };
    const { shapes, preserved } = sceneFromApi(scene, { width: 1280, height: 720 });
    expect(shapes[0]?.options.radius).toBe("0.1");
    expect(sceneToApi(shapes, preserved).scene.abandoned_objects).toEqual([
      { name: "lobby", polygon: [[0, 0], [0.5, 0], [0.5, 0.5]], radius: 0.1 },
    ]);
  });

  it("asks for the radius an abandoned or removed object zone cannot work without", () => {
    const lobby = shape({ kind: "abandoned", name: "lobby", points: [{ x: 0.1, y: 0.1 }, { x: 0.5, y: 0.1 }, { x: 0.5, y: 0.5 }] });
    expect(checkScene([lobby])[lobby.key]?.fields.radius).toBe("Enter a number.");
    const fixed = { ...lobby, options: { radius: "0.08" } };
    expect(checkScene([fixed])).toEqual({});
  });
});

describe("writing the API's scene", () => {
  it("round-trips every kind of shape", () => {
    const scene = {
      units: "normalized",
      zones: [{ name: "gate", polygon: [[0.1, 0.1], [0.5, 0.1], [0.5, 0.5]], dwell_seconds: 30, loiter_classes: ["person"] }],
      lines: [{ name: "crossing", start: [0.05, 0.6], end: [0.95, 0.6], allowed_direction: "in" }],
      signals: [{ name: "north", start: [0.1, 0.5], end: [0.9, 0.5], direction: "out", red_grace_seconds: 0.5 }],
      lanes: [{ name: "bus", polygon: [[0, 0.7], [0.2, 0.7], [0.2, 1]], allowed_classes: ["bus"] }],
      solid_lines: [{ name: "divider", start: [0.5, 0.4], end: [0.5, 1] }],
      abandoned_objects: [{ name: "concourse", polygon: [[0.1, 0.4], [0.9, 0.4], [0.9, 1]], radius: 0.08 }],
      removed_objects: [{ name: "exhibit", polygon: [[0.4, 0.3], [0.6, 0.3], [0.6, 0.6]], radius: 0.05, absent_seconds: 5 }],
      no_stopping: [{ name: "embassy gate", polygon: [[0, 0.6], [1, 0.6], [1, 1]], classes: ["car"], dwell_seconds: 20 }],
      motion_mask: [[[0, 0], [0.3, 0], [0.3, 0.06]]],
      calibration: {
        image_points: [[0.1, 0.9], [0.9, 0.9], [0.8, 0.4], [0.2, 0.4]],
        world_points: [[0, 0], [14, 0], [14, 40], [0, 40]],
        speed_limit_kmh: 60,
      },
      motion: { threshold: 30 },
    };
    const { shapes, preserved } = sceneFromApi(scene, null);
    expect(sceneToApi(shapes, preserved).scene).toEqual(scene);
  });

  it("writes typed options as numbers and class lists, and leaves empty ones to the server's defaults", () => {
    const zone = shape({
      kind: "zone",
      name: " gate ",
      points: pointsAt([0.1, 0.1], [0.5, 0.1], [0.5, 0.5]),
      options: { classes: "person,  car ,", crowd_threshold: "8", dwell_seconds: "" },
    });
    const { scene, origins } = sceneToApi([zone], {});
    expect(scene.zones).toEqual([
      { name: "gate", polygon: [[0.1, 0.1], [0.5, 0.1], [0.5, 0.5]], classes: ["person", "car"], crowd_threshold: 8 },
    ]);
    expect(scene.units).toBe("normalized");
    expect(origins["zones.0"]).toBe(zone.key);
  });
});

describe("checking before saving", () => {
  const triangle = pointsAt([0.1, 0.1], [0.5, 0.1], [0.5, 0.5]);

  it("asks for a name, at least three vertices and an outline that does not cross itself", () => {
    const unnamed = shape({ kind: "zone", name: "", points: triangle });
    const twoPoints = shape({ kind: "zone", name: "b", points: triangle.slice(0, 2) });
    const bowTie = shape({
      kind: "zone",
      name: "c",
      points: pointsAt([0, 0], [1, 1], [1, 0], [0, 1]),
    });
    const problems = checkScene([unnamed, twoPoints, bowTie]);
    expect(problems[unnamed.key]?.fields.name).toBe("Give the zone a name.");
    expect(problems[twoPoints.key]?.shape).toEqual(["A zone needs at least 3 points; it has 2."]);
    expect(problems[bowTie.key]?.shape[0]).toMatch(/edges cross each other/);
  });

  it("refuses two zones with one name, numbers out of range and a lane without allowed classes", () => {
    const first = shape({ kind: "zone", name: "gate", points: triangle, options: { crowd_threshold: "1" } });
    const second = shape({ kind: "zone", name: "gate", points: triangle, options: { dwell_seconds: "soon" } });
    const lane = shape({ kind: "lane", name: "bus", points: triangle });
    const problems = checkScene([first, second, lane]);
    expect(problems[second.key]?.fields.name).toMatch(/Another zone is called "gate"/);
    expect(problems[first.key]?.fields.crowd_threshold).toBe("At least 2.");
    expect(problems[second.key]?.fields.dwell_seconds).toBe("Enter a number.");
    expect(problems[lane.key]?.fields.allowed_classes).toBe("Name at least one class.");
  });

  it("refuses a line whose ends are the same point, and a shape still being drawn", () => {
    const line = shape({ kind: "line", name: "l", points: [triangle[0]!, triangle[0]!] });
    const drawing = shape({ kind: "line", name: "m", points: [triangle[0]!], finished: false });
    const problems = checkScene([line, drawing]);
    expect(problems[line.key]?.shape).toEqual(["The start and end are the same point."]);
    expect(problems[drawing.key]?.shape).toContain("Finish drawing the counting line first.");
  });

  it("has nothing to say about a good scene", () => {
    expect(checkScene(sceneFromApi(DEMO_SCENE, null).shapes)).toEqual({});
  });
});

describe("the server's refusals", () => {
  it("are placed on the shape and field they name", () => {
    const issues = [
      { path: ["scene", "zones", 0, "dwell_seconds"], message: "Input should be greater than 0" },
      { path: ["scene", "lines", 1], message: "line 'x' has the same start and end point" },
      { path: ["scene"], message: "zone names must be unique, repeated: ['a']" },
    ];
    const { problems, general } = placeServerIssues(issues, { "zones.0": "z", "lines.1": "l" });
    expect(problems.z?.fields.dwell_seconds).toBe("Input should be greater than 0");
    expect(problems.l?.shape).toEqual(["line 'x' has the same start and end point"]);
    expect(general).toEqual(["zone names must be unique, repeated: ['a']"]);
  });
});
