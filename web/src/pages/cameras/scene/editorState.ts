/** What the scene editor holds and every change the admin can make, as a pure reducer. */
import { closePolygon, moveVertex, nextVertex, removeVertex, swapDirection, type Point } from "./geometry";
import { KINDS, type ShapeKind } from "./kinds";
import { displayName, newShape, type Shape } from "./sceneModel";
import { t } from "../../../i18n/catalogue";

export interface EditorState {
  shapes: Shape[];
  selectedKey: string | null;
  /** The shape receiving clicks as new vertices, if any. */
  drawingKey: string | null;
  /** Announced in the editor's status region. */
  notice: string;
}

export type EditorAction =
  | { type: "reset"; shapes: Shape[] }
  | { type: "start"; kind: ShapeKind }
  | { type: "addPoint"; point: Point }
  | { type: "finish" }
  | { type: "stopDrawing" }
  | { type: "select"; key: string | null }
  | { type: "moveVertex"; key: string; index: number; point: Point }
  | { type: "removeVertex"; key: string; index: number }
  | { type: "appendVertex"; key: string }
  | { type: "setWorld"; key: string; index: number; point: Point }
  | { type: "swap"; key: string }
  | { type: "rename"; key: string; name: string }
  | { type: "setOption"; key: string; field: string; value: string }
  | { type: "remove"; key: string };

export function initialEditor(shapes: Shape[]): EditorState {
  return { shapes, selectedKey: shapes[0]?.key ?? null, drawingKey: null, notice: "" };
}

function update(state: EditorState, key: string, change: (shape: Shape) => Shape): EditorState {
  return { ...state, shapes: state.shapes.map((shape) => (shape.key === key ? change(shape) : shape)) };
}

const UNKNOWN_GROUND: Point = { x: Number.NaN, y: Number.NaN };

function withPoint(shape: Shape, point: Point): Shape {
  return {
    ...shape,
    points: [...shape.points, point],
    world: shape.kind === "calibration" ? [...shape.world, UNKNOWN_GROUND] : shape.world,
  };
}

function finished(shape: Shape): { shape: Shape; problem: string | null } {
  const info = KINDS[shape.kind];
  const points = info.geometry === "polygon" ? closePolygon(shape.points) : shape.points;
  if (points.length < info.minPoints) {
    return {
      shape,
      problem: t("cameras.scene.aNeedsAtLeast", { label: info.label.toLowerCase(), minPoints: info.minPoints, count: points.length }),
    };
  }
  return { shape: { ...shape, points, finished: true }, problem: null };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "reset":
      return initialEditor(action.shapes);
    case "start": {
      const existing = state.shapes.find((shape) => shape.kind === "calibration");
      if (action.kind === "calibration" && existing) {
        return { ...state, selectedKey: existing.key, drawingKey: null, notice: t("cameras.scene.thisCameraHasOne") };
      }
      const shape = newShape(action.kind, state.shapes);
      const verb = KINDS[action.kind].geometry === "line" ? t("cameras.scene.theStartThenThe") : t("cameras.scene.eachPoint");
      return {
        ...state,
        shapes: [...state.shapes, shape],
        selectedKey: shape.key,
        drawingKey: shape.key,
        notice: t("cameras.scene.drawingANewClick", { label: KINDS[action.kind].label.toLowerCase(), verb }),
      };
    }
    case "addPoint": {
      const key = state.drawingKey;
      const drawing = state.shapes.find((shape) => shape.key === key);
      if (!key || !drawing) return state;
      const grown = withPoint(drawing, action.point);
      if (KINDS[drawing.kind].geometry === "line" && grown.points.length === 2) {
        const next = update(state, key, () => ({ ...grown, finished: true }));
        return { ...next, drawingKey: null, notice: `${displayName(grown, next.shapes)} drawn.` };
      }
      return { ...update(state, key, () => grown), notice: `Point ${grown.points.length} placed.` };
    }
    case "finish": {
      const drawing = state.shapes.find((shape) => shape.key === state.drawingKey);
      if (!drawing) return state;
      const result = finished(drawing);
      if (result.problem) return { ...state, notice: result.problem };
      const next = update(state, drawing.key, () => result.shape);
      return { ...next, drawingKey: null, notice: `${displayName(result.shape, next.shapes)} finished.` };
    }
    case "stopDrawing": {
      const drawing = state.shapes.find((shape) => shape.key === state.drawingKey);
      if (!drawing) return state;
      const result = finished(drawing);
      if (!result.problem) {
        const next = update(state, drawing.key, () => result.shape);
        return { ...next, drawingKey: null, notice: `${displayName(result.shape, next.shapes)} finished.` };
      }
      return {
        ...state,
        shapes: state.shapes.filter((shape) => shape.key !== drawing.key),
        selectedKey: null,
        drawingKey: null,
        notice: t("cameras.scene.drawingCancelled"),
      };
    }
    case "select":
      return { ...state, selectedKey: action.key };
    case "moveVertex":
      return update(state, action.key, (shape) => ({ ...shape, points: moveVertex(shape.points, action.index, action.point) }));
    case "removeVertex": {
      const target = state.shapes.find((shape) => shape.key === action.key);
      if (!target || KINDS[target.kind].geometry === "line") return state;
      const next = update(state, action.key, (shape) => ({
        ...shape,
        points: removeVertex(shape.points, action.index),
        world: shape.kind === "calibration" ? removeVertex(shape.world, action.index) : shape.world,
      }));
      return { ...next, notice: `Point ${action.index + 1} removed.` };
    }
    case "appendVertex": {
      const target = state.shapes.find((shape) => shape.key === action.key);
      if (!target) return state;
      const isLine = KINDS[target.kind].geometry === "line";
      if (isLine && target.points.length >= 2) return state;
      const grown = withPoint(target, nextVertex(target.points));
      const done = isLine && grown.points.length === 2;
      const next = update(state, action.key, () => ({ ...grown, finished: grown.finished || done }));
      return {
        ...next,
        drawingKey: done && state.drawingKey === target.key ? null : next.drawingKey,
        notice: t("cameras.scene.pointAddedAtX", { count: grown.points.length, fmt: fmt(grown.points.at(-1)?.x), fmt2: fmt(grown.points.at(-1)?.y) }),
      };
    }
    case "setWorld":
      return update(state, action.key, (shape) => ({
        ...shape,
        world: shape.world.map((point, i) => (i === action.index ? action.point : point)),
      }));
    case "swap":
      return update(state, action.key, (shape) => {
        const [start, end] = shape.points;
        return start && end ? { ...shape, points: swapDirection([start, end]) } : shape;
      });
    case "rename":
      return update(state, action.key, (shape) => ({ ...shape, name: action.name }));
    case "setOption":
      return update(state, action.key, (shape) => ({ ...shape, options: { ...shape.options, [action.field]: action.value } }));
    case "remove": {
      const removed = state.shapes.find((shape) => shape.key === action.key);
      return {
        ...state,
        shapes: state.shapes.filter((shape) => shape.key !== action.key),
        selectedKey: state.selectedKey === action.key ? null : state.selectedKey,
        drawingKey: state.drawingKey === action.key ? null : state.drawingKey,
        notice: removed ? `${displayName(removed, state.shapes)} deleted.` : state.notice,
      };
    }
  }
}

function fmt(value: number | undefined): string {
  return value === undefined ? "?" : value.toFixed(3);
}
