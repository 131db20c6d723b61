/**
 * The editor's shapes and the API's scene JSON, both ways. The editor always works in frame fractions and
 * saves with `units: "normalized"`; a scene stored in pixels is converted with the snapshot's size.
 * Fields the editor does not edit (a signal's schedule and junction, motion tuning) are sent back unchanged.
 */
import { closePolygon, rounded, selfIntersects, samePoint, type Point, type Size } from "./geometry";
import { KIND_ORDER, KINDS, type RuleField, type ShapeKind } from "./kinds";
import { t } from "../../../i18n/catalogue";

export interface Shape {
  key: string;
  kind: ShapeKind;
  name: string;
  points: Point[];
  /** Calibration only: the ground position (metres) of each point, in the same order. */
  world: Point[];
  /** False while the admin is still placing vertices. */
  finished: boolean;
  /** Rule options as typed, by API field name. */
  options: Record<string, string>;
  /** Fields of this entry the editor does not edit, returned as they came. */
  extra: Record<string, unknown>;
}

export type ApiScene = Record<string, unknown>;
type Units = "auto" | "pixels" | "normalized";

let nextKey = 0;
export function newKey(): string {
  nextKey += 1;
  return `shape-${nextKey}`;
}

export function newShape(kind: ShapeKind, existing: readonly Shape[]): Shape {
  const info = KINDS[kind];
  const count = existing.filter((shape) => shape.kind === kind).length + 1;
  return {
    key: newKey(),
    kind,
    name: info.named ? `${info.label.toLowerCase().replace(/[^a-z]+/g, "-")}-${count}` : "",
    points: [],
    world: [],
    finished: false,
    options: {},
    extra: {},
  };
}

export function displayName(shape: Shape, all: readonly Shape[]): string {
  const info = KINDS[shape.kind];
  if (info.named) return shape.name.trim() || `Unnamed ${info.label.toLowerCase()}`;
  if (shape.kind === "calibration") return info.label;
  const sameKind = all.filter((other) => other.kind === shape.kind);
  return `${info.label} ${sameKind.indexOf(shape) + 1}`;
}

// ------------------------------------------------------------------------------------------- from the API
function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function asPoint(value: unknown): Point | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [x, y] = value as unknown[];
  return typeof x === "number" && typeof y === "number" ? { x, y } : null;
}

function asPoints(value: unknown): Point[] | null {
  if (!Array.isArray(value)) return null;
  const points = value.map(asPoint);
  return points.every((point): point is Point => point !== null) ? points : null;
}

export class SceneConversionError extends Error {}

/** Mirrors `is_normalised` in safecity.vision.geometry: `auto` reads a shape inside 0..1 as fractions. */
function isFractional(points: Point[], units: Units): boolean {
  return units === "normalized" || (units === "auto" && points.every((p) => p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1));
}

function normalise(points: Point[], units: Units, frame: Size | null): Point[] {
  if (isFractional(points, units)) return points;
  if (!frame) {
    throw new SceneConversionError(
      t("cameras.scene.thisSceneIsStored"),
    );
  }
  return points.map((p) => ({ x: p.x / frame.width, y: p.y / frame.height }));
}

/** A distance of a pixel scene (a threat rule's radius) as a fraction of the frame width, as saved. */
function lengthFraction(field: RuleField, value: unknown, pixels: boolean, frame: Size | null): unknown {
  if (field.type !== "number" || !field.length || !pixels || !frame || typeof value !== "number") return value;
  return Math.round((value / frame.width) * 10000) / 10000;
}

function optionText(field: RuleField, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field.type === "classes" && Array.isArray(value)) return value.join(", ");
  return String(value);
}

function shapeFrom(kind: ShapeKind, entry: Record<string, unknown>, units: Units, frame: Size | null): Shape {
  const info = KINDS[kind];
  const known = new Set<string>(["name", ...info.fields.map((field) => field.key)]);
  let points: Point[];
  let world: Point[] = [];
  if (info.geometry === "polygon") {
    points = asPoints(entry.polygon) ?? [];
    known.add("polygon");
  } else if (info.geometry === "line") {
    points = [asPoint(entry.start), asPoint(entry.end)].filter((p): p is Point => p !== null);
    known.add("start").add("end");
  } else {
    points = asPoints(entry.image_points) ?? [];
    world = asPoints(entry.world_points) ?? [];
    known.add("image_points").add("world_points");
  }
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) if (!known.has(key)) extra[key] = value;
  const junction = asPoints(extra.junction);
  if (kind === "signal" && junction) extra.junction = pairsOf(normalise(junction, units, frame));
  return {
    key: newKey(),
    kind,
    name: typeof entry.name === "string" ? entry.name : "",
    points: normalise(points, units, frame),
    world,
    finished: true,
    options: Object.fromEntries(
      info.fields.map((field) => [
        field.key,
        optionText(field, lengthFraction(field, entry[field.key], !isFractional(points, units), frame)),
      ]),
    ),
    extra,
  };
}

export interface EditableScene {
  shapes: Shape[];
  /** Top-level scene fields the editor does not edit (motion tuning, future additions). */
  preserved: ApiScene;
}

const SHAPE_KEYS = new Set<string>(["units", ...KIND_ORDER.map((kind) => KINDS[kind].sceneKey)]);

/** Throws SceneConversionError when pixel coordinates cannot be converted without the frame size. */
export function sceneFromApi(scene: ApiScene, frame: Size | null): EditableScene {
  const units: Units = scene.units === "pixels" || scene.units === "normalized" ? scene.units : "auto";
  const shapes: Shape[] = [];
  for (const kind of KIND_ORDER) {
    const value = scene[KINDS[kind].sceneKey];
    if (kind === "calibration") {
      const calibration = asRecord(value);
      if (calibration) shapes.push(shapeFrom(kind, calibration, units, frame));
    } else if (kind === "mask") {
      for (const polygon of Array.isArray(value) ? value : []) {
        shapes.push(shapeFrom(kind, { polygon }, units, frame));
      }
    } else {
      for (const entry of Array.isArray(value) ? value : []) {
        const record = asRecord(entry);
        if (record) shapes.push(shapeFrom(kind, record, units, frame));
      }
    }
  }
  const preserved = Object.fromEntries(Object.entries(scene).filter(([key]) => !SHAPE_KEYS.has(key)));
  return { shapes, preserved };
}

// --------------------------------------------------------------------------------------------- to the API
function pairsOf(points: readonly Point[]): [number, number][] {
  return points.map((point) => {
    const { x, y } = rounded(point);
    return [x, y];
  });
}

function optionValue(field: RuleField, text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (field.type === "number") return Number(trimmed);
  if (field.type === "classes") {
    const classes = trimmed
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    return classes.length ? classes : undefined;
  }
  return trimmed;
}

function entryOf(shape: Shape): Record<string, unknown> {
  const info = KINDS[shape.kind];
  const entry: Record<string, unknown> = { ...shape.extra };
  if (info.named) entry.name = shape.name.trim();
  const [start, end] = shape.points;
  if (info.geometry === "polygon") entry.polygon = pairsOf(shape.points);
  else if (info.geometry === "line" && start && end) Object.assign(entry, { start: pairsOf([start])[0], end: pairsOf([end])[0] });
  else if (info.geometry === "points") {
    entry.image_points = pairsOf(shape.points);
    entry.world_points = shape.world.map((point) => [point.x, point.y]);
  }
  for (const field of info.fields) {
    const value = optionValue(field, shape.options[field.key] ?? "");
    if (value !== undefined) entry[field.key] = value;
  }
  return entry;
}

export interface SerialisedScene {
  scene: ApiScene;
  /** Where each shape went, e.g. "zones.0" → its key, to place the server's errors on the right shape. */
  origins: Record<string, string>;
}

export function sceneToApi(shapes: readonly Shape[], preserved: ApiScene): SerialisedScene {
  const scene: ApiScene = { ...preserved, units: "normalized" };
  const origins: Record<string, string> = {};
  for (const kind of KIND_ORDER) {
    const info = KINDS[kind];
    const ofKind = shapes.filter((shape) => shape.kind === kind);
    if (kind === "calibration") {
      const calibration = ofKind[0];
      if (calibration) {
        scene.calibration = entryOf(calibration);
        origins.calibration = calibration.key;
      }
      continue;
    }
    scene[info.sceneKey] = ofKind.map((shape, index) => {
      origins[`${info.sceneKey}.${index}`] = shape.key;
      const entry = entryOf(shape);
      return kind === "mask" ? entry.polygon : entry;
    });
  }
  return { scene, origins };
}

// ------------------------------------------------------------------------------------------------ checks
export interface ShapeProblems {
  /** About the shape as a whole (vertices, name). */
  shape: string[];
  /** By option key, or `name`. */
  fields: Record<string, string>;
}

export type SceneProblems = Record<string, ShapeProblems>;

function numberProblem(field: Extract<RuleField, { type: "number" }>, text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return field.required ? t("cameras.scene.enterANumber") : null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return t("cameras.scene.enterANumber");
  if (field.integer && !Number.isInteger(value)) return t("cameras.scene.enterAWholeNumber");
  if (field.minIncluded ? value < field.min : value <= field.min)
    return field.minIncluded ? t("cameras.scene.atLeast", { min: field.min }) : t("cameras.scene.moreThan", { min: field.min });
  return null;
}

function geometryProblems(shape: Shape, label: string): string[] {
  const info = KINDS[shape.kind];
  const problems: string[] = [];
  if (!shape.finished) problems.push(t("cameras.scene.finishDrawingTheFirst", { label }));
  if (info.geometry === "line") {
    const [start, end] = shape.points;
    if (!start || !end) problems.push(t("cameras.scene.aLineNeedsA"));
    else if (samePoint(start, end)) problems.push(t("cameras.scene.theStartAndEnd"));
    return problems;
  }
  const distinct = info.geometry === "polygon" ? closePolygon(shape.points, 1e-6) : shape.points;
  if (distinct.length < info.minPoints) {
    problems.push(t("cameras.scene.aNeedsAtLeast2", { label, minPoints: info.minPoints, count: distinct.length }));
  } else if (info.geometry === "polygon" && selfIntersects(shape.points)) {
    problems.push(t("cameras.scene.theSEdgesCross", { label }));
  }
  return problems;
}

export function checkScene(shapes: readonly Shape[]): SceneProblems {
  const problems: SceneProblems = {};
  for (const shape of shapes) {
    const info = KINDS[shape.kind];
    const label = info.label.toLowerCase();
    const found: ShapeProblems = { shape: geometryProblems(shape, label), fields: {} };
    if (info.named) {
      const name = shape.name.trim();
      if (!name) found.fields.name = `Give the ${label} a name.`;
      else if (info.uniqueNames && shapes.some((o) => o !== shape && o.kind === shape.kind && o.name.trim() === name))
        found.fields.name = `Another ${label} is called "${name}"; names must be unique.`;
    }
    for (const field of info.fields) {
      const text = shape.options[field.key] ?? "";
      const problem =
        field.type === "number"
          ? numberProblem(field, text)
          : field.type === "classes" && field.required && !optionValue(field, text)
            ? t("cameras.scene.nameAtLeastOne")
            : null;
      if (problem) found.fields[field.key] = problem;
    }
    if (shape.kind === "calibration" && shape.world.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y)))
      found.fields.world = "Every point needs its ground position in metres.";
    if (found.shape.length || Object.keys(found.fields).length) problems[shape.key] = found;
  }
  return problems;
}

/**
 * Places the server's 422 issues (paths below `scene`) on the shapes they name; returns what fits no shape.
 */
export function placeServerIssues(
  issues: readonly { path: (string | number)[]; message: string }[],
  origins: Record<string, string>,
): { problems: SceneProblems; general: string[] } {
  const problems: SceneProblems = {};
  const general: string[] = [];
  for (const { path, message } of issues) {
    const [root, list, index, field] = path;
    if (root !== "scene") {
      general.push(message);
      continue;
    }
    const origin = list === "calibration" ? "calibration" : `${String(list)}.${String(index)}`;
    const key = origins[origin];
    if (!key) {
      general.push(message);
      continue;
    }
    const detailField = list === "calibration" ? index : field;
    const found = (problems[key] ??= { shape: [], fields: {} });
    if (typeof detailField === "string" && !["polygon", "start", "end", "image_points"].includes(detailField))
      found.fields[detailField === "world_points" ? "world" : detailField] = message;
    else found.shape.push(message);
  }
  return { problems, general };
}
