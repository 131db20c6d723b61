import { describe, expect, it } from "vitest";
import { editorReducer, initialEditor, type EditorAction, type EditorState } from "./editorState";
import { pointsAt } from "./testPoints";

function run(...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, initialEditor([]));
}

const at = (x: number, y: number): EditorAction => ({ type: "addPoint", point: { x, y } });

describe("drawing a zone", () => {
  it("places a vertex per click and closes the outline on finish", () => {
    const state = run({ type: "start", kind: "zone" }, at(0.1, 0.1), at(0.5, 0.1), at(0.5, 0.5), { type: "finish" });
    const zone = state.shapes[0];
    expect(zone).toMatchObject({ kind: "zone", name: "zone-1", finished: true });
    expect(zone?.points).toHaveLength(3);
    expect(state.drawingKey).toBeNull();
    expect(state.notice).toBe("zone-1 finished.");
  });

  it("will not finish with fewer than three vertices, and says why", () => {
    const state = run({ type: "start", kind: "zone" }, at(0.1, 0.1), at(0.5, 0.1), { type: "finish" });
    expect(state.drawingKey).toBe(state.shapes[0]?.key);
    expect(state.notice).toBe("A zone needs at least 3 points; 2 placed so far.");
  });

  it("drops a zone that is stopped before it has enough vertices", () => {
    const state = run({ type: "start", kind: "zone" }, at(0.1, 0.1), { type: "stopDrawing" });
    expect(state.shapes).toEqual([]);
    expect(state.notice).toBe("Drawing cancelled.");
  });

  it("can be drawn without a mouse: 'Add point' places vertices that are then typed in", () => {
    let state = run({ type: "start", kind: "zone" });
    const key = state.shapes[0]!.key;
    for (const action of [
      { type: "appendVertex", key },
      { type: "appendVertex", key },
      { type: "appendVertex", key },
      { type: "moveVertex", key, index: 2, point: { x: 0.2, y: 0.9 } },
      { type: "finish" },
    ] as EditorAction[])
      state = editorReducer(state, action);
    expect(state.shapes[0]?.finished).toBe(true);
    expect(state.shapes[0]?.points).toEqual(pointsAt([0.5, 0.5], [0.6, 0.5], [0.2, 0.9]));
  });
});

describe("drawing a line", () => {
  it("ends by itself after the second click, and swaps direction", () => {
    let state = run({ type: "start", kind: "line" }, at(0.1, 0.8), at(0.9, 0.8));
    const line = state.shapes[0]!;
    expect(line.finished).toBe(true);
    expect(state.drawingKey).toBeNull();
    state = editorReducer(state, { type: "swap", key: line.key });
    expect(state.shapes[0]?.points).toEqual([
      { x: 0.9, y: 0.8 },
      { x: 0.1, y: 0.8 },
    ]);
  });

  it("keeps both ends: removing a line's end point does nothing", () => {
    const state = run({ type: "start", kind: "line" }, at(0.1, 0.8), at(0.9, 0.8));
    const key = state.shapes[0]!.key;
    expect(editorReducer(state, { type: "removeVertex", key, index: 0 }).shapes[0]?.points).toHaveLength(2);
  });
});

describe("editing shapes", () => {
  const drawn = run({ type: "start", kind: "zone" }, at(0.1, 0.1), at(0.5, 0.1), at(0.5, 0.5), at(0.1, 0.5), {
    type: "finish",
  });
  const key = drawn.shapes[0]!.key;

  it("moves and removes vertices", () => {
    const moved = editorReducer(drawn, { type: "moveVertex", key, index: 0, point: { x: 0.2, y: 0.2 } });
    expect(moved.shapes[0]?.points[0]).toEqual({ x: 0.2, y: 0.2 });
    const removed = editorReducer(moved, { type: "removeVertex", key, index: 3 });
    expect(removed.shapes[0]?.points).toHaveLength(3);
    expect(removed.notice).toBe("Point 4 removed.");
  });

  it("renames, sets options and deletes", () => {
    let state = editorReducer(drawn, { type: "rename", key, name: "gate" });
    state = editorReducer(state, { type: "setOption", key, field: "dwell_seconds", value: "30" });
    expect(state.shapes[0]).toMatchObject({ name: "gate", options: { dwell_seconds: "30" } });
    state = editorReducer(state, { type: "remove", key });
    expect(state.shapes).toEqual([]);
    expect(state.selectedKey).toBeNull();
    expect(state.notice).toBe("gate deleted.");
  });

  it("keeps a calibration point's ground position paired with it", () => {
    let state = run({ type: "start", kind: "calibration" }, at(0.1, 0.9), at(0.9, 0.9), at(0.8, 0.4));
    const calibration = state.shapes[0]!.key;
    state = editorReducer(state, { type: "setWorld", key: calibration, index: 1, point: { x: 14, y: 0 } });
    state = editorReducer(state, { type: "removeVertex", key: calibration, index: 0 });
    expect(state.shapes[0]?.world[0]).toEqual({ x: 14, y: 0 });
    expect(state.shapes[0]?.world).toHaveLength(2);
  });

  it("allows one speed calibration per camera", () => {
    const state = run({ type: "start", kind: "calibration" }, { type: "start", kind: "calibration" });
    expect(state.shapes).toHaveLength(1);
  });
});
