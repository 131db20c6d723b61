import { msg, translated, type Message, type Untranslated } from "../../../components/translated";
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

/** A threat rule's distance: required, in fractions of the frame width (the unit the editor saves in). */
function radiusField(label: string): FieldSpec {
  return number("radius", label, { required: true, length: true, hint: msg("cameras.scene.aFractionOfThe") });
}

const polygon = { geometry: "polygon", minPoints: 3 } as const;
const line = { geometry: "line", minPoints: 2 } as const;

export const KINDS = translated<Record<ShapeKind, KindInfo>>({
  zone: {
    label: msg("cameras.scene.zone"),
    ...polygon,
    sceneKey: "zones",
    named: true,
    uniqueNames: true,
    help: msg("cameras.scene.anAreaEnteringAnd"),
    fields: [
      classes("classes", msg("cameras.scene.objectClassesWatched"), undefined, CLASSES_HINT),
      number("dwell_seconds", msg("cameras.scene.dwellAlertAfterSeconds")),
      number("loiter_seconds", msg("cameras.scene.loiteringAlertAfterSeconds")),
      classes("loiter_classes", msg("cameras.scene.classesThatCanLoiter"), "person"),
      number("crowd_threshold", msg("cameras.scene.crowdAlertAtObjects"), { min: 2, minIncluded: true, integer: true }),
      number("speed_limit_kmh", msg("cameras.scene.speedLimitInThis"), { hint: msg("cameras.scene.needsTheSpeedCalibration") }),
    ],
  },
  line: {
    label: msg("cameras.scene.countingLine"),
    ...line,
    sceneKey: "lines",
    named: true,
    uniqueNames: true,
    help: msg("cameras.scene.objectsCrossingItAre"),
    fields: [
      classes("classes", msg("cameras.scene.objectClassesCounted"), undefined, CLASSES_HINT),
      {
        key: "allowed_direction",
        label: msg("cameras.scene.allowedDirection"),
        type: "choice",
        choices: [
          { value: "", label: msg("cameras.scene.bothCountOnly") },
          { value: "in", label: msg("cameras.scene.onlyInReportOut") },
          { value: "out", label: msg("cameras.scene.onlyOutReportIn") },
        ],
      },
    ],
  },
  signal: {
    label: msg("cameras.scene.redLightStopLine"),
    ...line,
    sceneKey: "signals",
    named: true,
    uniqueNames: true,
    help: msg("cameras.scene.aSignalSStop"),
    fields: [
      {
        key: "direction",
        label: msg("cameras.scene.crossingIntoTheJunction"),
        type: "choice",
        choices: [
          { value: "in", label: msg("cameras.scene.inTowardsTheArrow") },
          { value: "out", label: msg("cameras.scene.outAwayFromThe") },
        ],
      },
      classes("classes", msg("cameras.scene.vehicleClasses"), VEHICLES),
      number("red_grace_seconds", msg("cameras.scene.graceAtTheStart"), { minIncluded: true }),
    ],
  },
  lane: {
    label: msg("cameras.scene.restrictedLane"),
    ...polygon,
    sceneKey: "lanes",
    named: true,
    uniqueNames: false,
    help: msg("cameras.scene.aLaneReservedFor"),
    fields: [
      { key: "allowed_classes", label: msg("cameras.scene.allowedClasses"), type: "classes", required: true, placeholder: "bus" },
      classes("watched_classes", msg("cameras.scene.watchedClasses"), VEHICLES),
      number("min_seconds", msg("cameras.scene.violationAfterSecondsInside"), { minIncluded: true }),
    ],
  },
  solid: {
    label: msg("cameras.scene.solidLine"),
    ...line,
    sceneKey: "solid_lines",
    named: true,
    uniqueNames: false,
    help: msg("cameras.scene.aLineVehiclesMust"),
    fields: [classes("classes", msg("cameras.scene.vehicleClasses"), VEHICLES)],
  },
  abandoned: {
    label: msg("cameras.scene.abandonedObjectZone"),
    ...polygon,
    sceneKey: "abandoned_objects",
    named: true,
    uniqueNames: true,
    help:
      "A bag left here is an alarm once it has stayed put for the set time after the person who carried it " +
      "went further than the radius.",
    fields: [
      classes("classes", msg("cameras.scene.objectsWatched"), CARRIED),
      number("unattended_seconds", msg("cameras.scene.alarmAfterUnattendedSeconds"), { hint: "Empty: 60." }),
      radiusField("Owner may go this far"),
    ],
  },
  removed: {
    label: msg("cameras.scene.removedObjectZone"),
    ...polygon,
    sceneKey: "removed_objects",
    named: true,
    uniqueNames: true,
    help: msg("cameras.scene.anObjectThatStood"),
    fields: [
      {
        key: "watch",
        label: msg("cameras.scene.watch"),
        type: "choice",
        choices: [
          { value: "objects", label: msg("cameras.scene.detectedObjectsOfThe") },
          { value: "region", label: msg("cameras.scene.thePictureOfThe") },
        ],
        hint: msg("cameras.scene.thePictureForAn"),
      },
      classes("classes", msg("cameras.scene.objectsWatched"), "suitcase", msg("cameras.scene.emptyAnythingTheDetector")),
      number("present_seconds", msg("cameras.scene.objectThereAtLeast"), { hint: "Empty: 30." }),
      number("absent_seconds", msg("cameras.scene.goneAtLeastSeconds"), { hint: msg("cameras.scene.empty3PutBack") }),
      radiusField("A person this close took it"),
    ],
  },
  nostop: {
    label: msg("cameras.scene.noStoppingZone"),
    ...polygon,
    sceneKey: "no_stopping",
    named: true,
    uniqueNames: true,
    help: msg("cameras.scene.peopleOrVehiclesStopping"),
    fields: [
      classes("classes", msg("cameras.scene.classesThatMayNot"), `person, ${VEHICLES}`),
      number("dwell_seconds", msg("cameras.scene.alarmAfterStoppedSeconds"), { hint: "Empty: 10." }),
      number("max_speed", msg("cameras.scene.stoppedBelowOwnHeights"), { hint: msg("cameras.scene.empty02Someone") }),
    ],
  },
  mask: {
    label: msg("cameras.scene.motionMask"),
    ...polygon,
    sceneKey: "motion_mask",
    named: false,
    uniqueNames: false,
    help: msg("cameras.scene.motionInsideIsIgnored"),
    fields: [],
  },
  calibration: {
    label: msg("cameras.scene.speedCalibration"),
    geometry: "points",
    sceneKey: "calibration",
    minPoints: 4,
    named: false,
    uniqueNames: false,
    help:
      "At least four points on the road, no three in a row, with their ground positions in metres " +
      "(e.g. lane markings of known spacing). Needed for speeds.",
    fields: [number("speed_limit_kmh", msg("cameras.scene.cameraWideSpeedLimit"))],
  },
});

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
