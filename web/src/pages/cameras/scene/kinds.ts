import type { CSSProperties } from "react";
import { msg, translated, type Message, type Untranslated } from "../../../i18n/catalogue";
/**
 * The kinds of shape a camera's scene holds (safecity.pipeline.rules.SceneConfig) and the rule options each
 * takes. Options are described as data so one form renders them all.
 */

export type ShapeKind =
  | "zone"
  | "line"
  | "signal"
  | "lane"
  | "solid"
  | "abandoned"
  | "removed"
  | "nostop"
  | "mask"
  | "calibration";
export type Geometry = "polygon" | "line" | "points";

export type RuleField =
  | {
      key: string;
      label: string;
      type: "number";
      min: number;
      minIncluded: boolean;
      integer?: boolean;
      hint?: string;
      required?: boolean;
      /** A distance: a fraction of the frame width (the editor saves normalised scenes). */
      length?: boolean;
    }
  | { key: string; label: string; type: "classes"; required?: boolean; placeholder?: string; hint?: string }
  | { key: string; label: string; type: "choice"; choices: { value: string; label: string }[]; hint?: string };

export interface KindInfo {
  label: string;
  geometry: Geometry;
  /** The scene's list (or object, for calibration) that holds this kind. */
  sceneKey:
    | "zones"
    | "lines"
    | "signals"
    | "lanes"
    | "solid_lines"
    | "abandoned_objects"
    | "removed_objects"
    | "no_stopping"
    | "motion_mask"
    | "calibration";
  minPoints: number;
  named: boolean;
  /** Whether the server refuses two shapes of this kind with one name. */
  uniqueNames: boolean;
  fields: RuleField[];
  help: string;
}

const CLASSES_HINT = "Comma-separated, e.g. person, car. Empty: all classes.";
const VEHICLES = "car, bus, truck, motorcycle";
const CARRIED = "backpack, handbag, suitcase";

type FieldSpec = Untranslated<RuleField>;
type Text = string | Message;

type NumberOptions = Partial<Omit<Extract<FieldSpec, { type: "number" }>, "key" | "label" | "type">>;

/** A number above 0 unless `options` say otherwise (`min`, `minIncluded`): seconds, speeds, counts. */
function number(key: string, label: Text, options: NumberOptions = {}): FieldSpec {
  return { key, label, type: "number", min: 0, minIncluded: false, ...options };
}

/** A comma-separated list of object classes; `placeholder` is also the default an empty field means. */
function classes(key: string, label: Text, placeholder?: string, hint?: Text): FieldSpec {
  return { key, label, type: "classes", placeholder, hint: hint ?? (placeholder && `Empty: ${placeholder}.`) };
}

/** One of a few values, each with its words (`{ value: label }`, in the order shown). */
function choice(key: string, label: Text, choices: Record<string, Text>, hint?: Text): FieldSpec {
  const options = Object.entries(choices).map(([value, words]) => ({ value, label: words }));
  return { key, label, type: "choice", choices: options, hint };
}

/** A threat rule's distance: required, in fractions of the frame width (the unit the editor saves in). */
function radiusField(label: string): FieldSpec {
  return number("radius", label, { required: true, length: true, hint: msg("cameras.scene.aFractionOfThe") });
}

const polygon = { geometry: "polygon", minPoints: 3 } as const;
const line = { geometry: "line", minPoints: 2 } as const;
const points = { geometry: "points", minPoints: 4 } as const;

/** Shapes without a name (one mask, one calibration per camera). */
const UNNAMED = { named: false, uniqueNames: false };

/** A kind of shape; named, each with its own name, unless `names` says otherwise. */
function kind(
  sceneKey: KindInfo["sceneKey"],
  shape: typeof polygon | typeof line | typeof points,
  label: Text,
  help: Text,
  fields: FieldSpec[],
  names: { named?: boolean; uniqueNames?: boolean } = {},
): Untranslated<KindInfo> {
  return { label, ...shape, sceneKey, named: true, uniqueNames: true, ...names, help, fields };
}

export const KINDS = translated<Record<ShapeKind, KindInfo>>({
  zone: kind("zones", polygon, msg("cameras.scene.zone"), msg("cameras.scene.anAreaEnteringAnd"), [
    classes("classes", msg("cameras.scene.objectClassesWatched"), undefined, CLASSES_HINT),
    number("dwell_seconds", msg("cameras.scene.dwellAlertAfterSeconds")),
    number("loiter_seconds", msg("cameras.scene.loiteringAlertAfterSeconds")),
    classes("loiter_classes", msg("cameras.scene.classesThatCanLoiter"), "person"),
    number("crowd_threshold", msg("cameras.scene.crowdAlertAtObjects"), { min: 2, minIncluded: true, integer: true }),
    number("speed_limit_kmh", msg("cameras.scene.speedLimitInThis"), { hint: msg("cameras.scene.needsTheSpeedCalibration") }),
  ]),
  line: kind("lines", line, msg("cameras.scene.countingLine"), msg("cameras.scene.objectsCrossingItAre"), [
    classes("classes", msg("cameras.scene.objectClassesCounted"), undefined, CLASSES_HINT),
    choice("allowed_direction", msg("cameras.scene.allowedDirection"), {
      "": msg("cameras.scene.bothCountOnly"),
      in: msg("cameras.scene.onlyInReportOut"),
      out: msg("cameras.scene.onlyOutReportIn"),
    }),
  ]),
  signal: kind("signals", line, msg("cameras.scene.redLightStopLine"), msg("cameras.scene.aSignalSStop"), [
    choice("direction", msg("cameras.scene.crossingIntoTheJunction"), {
      in: msg("cameras.scene.inTowardsTheArrow"),
      out: msg("cameras.scene.outAwayFromThe"),
    }),
    classes("classes", msg("cameras.scene.vehicleClasses"), VEHICLES),
    number("red_grace_seconds", msg("cameras.scene.graceAtTheStart"), { minIncluded: true }),
  ]),
  lane: kind(
    "lanes",
    polygon,
    msg("cameras.scene.restrictedLane"),
    msg("cameras.scene.aLaneReservedFor"),
    [
      { key: "allowed_classes", label: msg("cameras.scene.allowedClasses"), type: "classes", required: true, placeholder: "bus" },
      classes("watched_classes", msg("cameras.scene.watchedClasses"), VEHICLES),
      number("min_seconds", msg("cameras.scene.violationAfterSecondsInside"), { minIncluded: true }),
    ],
    { uniqueNames: false },
  ),
  solid: kind(
    "solid_lines",
    line,
    msg("cameras.scene.solidLine"),
    msg("cameras.scene.aLineVehiclesMust"),
    [classes("classes", msg("cameras.scene.vehicleClasses"), VEHICLES)],
    { uniqueNames: false },
  ),
  abandoned: kind(
    "abandoned_objects",
    polygon,
    msg("cameras.scene.abandonedObjectZone"),
    "A bag left here is an alarm once it has stayed put for the set time after the person who carried it " +
      "went further than the radius.",
    [
      classes("classes", msg("cameras.scene.objectsWatched"), CARRIED),
      number("unattended_seconds", msg("cameras.scene.alarmAfterUnattendedSeconds"), { hint: "Empty: 60." }),
      radiusField("Owner may go this far"),
    ],
  ),
  removed: kind("removed_objects", polygon, msg("cameras.scene.removedObjectZone"), msg("cameras.scene.anObjectThatStood"), [
    choice(
      "watch",
      msg("cameras.scene.watch"),
      { objects: msg("cameras.scene.detectedObjectsOfThe"), region: msg("cameras.scene.thePictureOfThe") },
      msg("cameras.scene.thePictureForAn"),
    ),
    classes("classes", msg("cameras.scene.objectsWatched"), "suitcase", msg("cameras.scene.emptyAnythingTheDetector")),
    number("present_seconds", msg("cameras.scene.objectThereAtLeast"), { hint: "Empty: 30." }),
    number("absent_seconds", msg("cameras.scene.goneAtLeastSeconds"), { hint: msg("cameras.scene.empty3PutBack") }),
    radiusField("A person this close took it"),
  ]),
  nostop: kind("no_stopping", polygon, msg("cameras.scene.noStoppingZone"), msg("cameras.scene.peopleOrVehiclesStopping"), [
    classes("classes", msg("cameras.scene.classesThatMayNot"), `person, ${VEHICLES}`),
    number("dwell_seconds", msg("cameras.scene.alarmAfterStoppedSeconds"), { hint: "Empty: 10." }),
    number("max_speed", msg("cameras.scene.stoppedBelowOwnHeights"), { hint: msg("cameras.scene.empty02Someone") }),
  ]),
  mask: kind("motion_mask", polygon, msg("cameras.scene.motionMask"), msg("cameras.scene.motionInsideIsIgnored"), [], UNNAMED),
  calibration: kind(
    "calibration",
    points,
    msg("cameras.scene.speedCalibration"),
    "At least four points on the road, no three in a row, with their ground positions in metres " +
      "(e.g. lane markings of known spacing). Needed for speeds.",
    [number("speed_limit_kmh", msg("cameras.scene.cameraWideSpeedLimit"))],
    UNNAMED,
  ),
});

/** Each kind's colour on the canvas and in the shape list (the CSS variable --shape-colour). */
const KIND_COLOUR: Record<ShapeKind, string> = {
  zone: "#58a6ff",
  line: "#f0883e",
  signal: "#ff7b72",
  lane: "#3fb950",
  solid: "#d2a8ff",
  abandoned: "#f85149",
  removed: "#db61a2",
  nostop: "#ffa657",
  mask: "#8b949e",
  calibration: "#e3b341",
};

/** The style that colours a drawn shape, or its swatch in the shape list, by its kind. */
export function kindColour(kind: ShapeKind): CSSProperties {
  return { "--shape-colour": KIND_COLOUR[kind] } as CSSProperties;
}

export const KIND_ORDER: ShapeKind[] = [
  "zone",
  "line",
  "signal",
  "lane",
  "solid",
  "abandoned",
  "removed",
  "nostop",
  "mask",
  "calibration",
];
