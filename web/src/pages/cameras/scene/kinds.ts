import { t } from "../../../i18n/catalogue";
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

/** A threat rule's distance: required, in fractions of the frame width (the unit the editor saves in). */
function radiusField(label: string): RuleField {
  const hint = t("cameras.scene.aFractionOfThe");
  return { key: "radius", label, type: "number", min: 0, minIncluded: false, required: true, length: true, hint };
}

export const KINDS: Record<ShapeKind, KindInfo> = {
  zone: {
    get label() {
      return t("cameras.scene.zone");
    },
    geometry: "polygon",
    sceneKey: "zones",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    get help() {
      return t("cameras.scene.anAreaEnteringAnd");
    },
    fields: [
      { key: "classes", get label() {
          return t("cameras.scene.objectClassesWatched");
        }, type: "classes", hint: CLASSES_HINT },
      { key: "dwell_seconds", get label() {
          return t("cameras.scene.dwellAlertAfterSeconds");
        }, type: "number", min: 0, minIncluded: false },
      { key: "loiter_seconds", get label() {
          return t("cameras.scene.loiteringAlertAfterSeconds");
        }, type: "number", min: 0, minIncluded: false },
      {
        key: "loiter_classes",
        get label() {
          return t("cameras.scene.classesThatCanLoiter");
        },
        type: "classes",
        placeholder: "person",
        hint: "Empty: person.",
      },
      {
        key: "crowd_threshold",
        get label() {
          return t("cameras.scene.crowdAlertAtObjects");
        },
        type: "number",
        min: 2,
        minIncluded: true,
        integer: true,
      },
      {
        key: "speed_limit_kmh",
        get label() {
          return t("cameras.scene.speedLimitInThis");
        },
        type: "number",
        min: 0,
        minIncluded: false,
        get hint() {
          return t("cameras.scene.needsTheSpeedCalibration");
        },
      },
    ],
  },
  line: {
    get label() {
      return t("cameras.scene.countingLine");
    },
    geometry: "line",
    sceneKey: "lines",
    minPoints: 2,
    named: true,
    uniqueNames: true,
    get help() {
      return t("cameras.scene.objectsCrossingItAre");
    },
    fields: [
      { key: "classes", get label() {
          return t("cameras.scene.objectClassesCounted");
        }, type: "classes", hint: CLASSES_HINT },
      {
        key: "allowed_direction",
        get label() {
          return t("cameras.scene.allowedDirection");
        },
        type: "choice",
        choices: [
          { value: "", get label() {
              return t("cameras.scene.bothCountOnly");
            } },
          { value: "in", get label() {
              return t("cameras.scene.onlyInReportOut");
            } },
          { value: "out", get label() {
              return t("cameras.scene.onlyOutReportIn");
            } },
        ],
      },
    ],
  },
  signal: {
    get label() {
      return t("cameras.scene.redLightStopLine");
    },
    geometry: "line",
    sceneKey: "signals",
    minPoints: 2,
    named: true,
    uniqueNames: true,
    get help() {
      return t("cameras.scene.aSignalSStop");
    },
    fields: [
      {
        key: "direction",
        get label() {
          return t("cameras.scene.crossingIntoTheJunction");
        },
        type: "choice",
        choices: [
          { value: "in", get label() {
              return t("cameras.scene.inTowardsTheArrow");
            } },
          { value: "out", get label() {
              return t("cameras.scene.outAwayFromThe");
            } },
        ],
      },
      { key: "classes", get label() {
          return t("cameras.scene.vehicleClasses");
        }, type: "classes", placeholder: VEHICLES, hint: `Empty: ${VEHICLES}.` },
      {
        key: "red_grace_seconds",
        get label() {
          return t("cameras.scene.graceAtTheStart");
        },
        type: "number",
        min: 0,
        minIncluded: true,
      },
    ],
  },
  lane: {
    get label() {
      return t("cameras.scene.restrictedLane");
    },
    geometry: "polygon",
    sceneKey: "lanes",
    minPoints: 3,
    named: true,
    uniqueNames: false,
    get help() {
      return t("cameras.scene.aLaneReservedFor");
    },
    fields: [
      { key: "allowed_classes", get label() {
          return t("cameras.scene.allowedClasses");
        }, type: "classes", required: true, placeholder: "bus" },
      { key: "watched_classes", get label() {
          return t("cameras.scene.watchedClasses");
        }, type: "classes", placeholder: VEHICLES, hint: `Empty: ${VEHICLES}.` },
      { key: "min_seconds", get label() {
          return t("cameras.scene.violationAfterSecondsInside");
        }, type: "number", min: 0, minIncluded: true },
    ],
  },
  solid: {
    get label() {
      return t("cameras.scene.solidLine");
    },
    geometry: "line",
    sceneKey: "solid_lines",
    minPoints: 2,
    named: true,
    uniqueNames: false,
    get help() {
      return t("cameras.scene.aLineVehiclesMust");
    },
    fields: [
      { key: "classes", get label() {
          return t("cameras.scene.vehicleClasses");
        }, type: "classes", placeholder: VEHICLES, hint: `Empty: ${VEHICLES}.` },
    ],
  },
  abandoned: {
    get label() {
      return t("cameras.scene.abandonedObjectZone");
    },
    geometry: "polygon",
    sceneKey: "abandoned_objects",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    help:
      "A bag left here is an alarm once it has stayed put for the set time after the person who carried it " +
      "went further than the radius.",
    fields: [
      { key: "classes", get label() {
          return t("cameras.scene.objectsWatched");
        }, type: "classes", placeholder: CARRIED, hint: `Empty: ${CARRIED}.` },
      {
        key: "unattended_seconds",
        get label() {
          return t("cameras.scene.alarmAfterUnattendedSeconds");
        },
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 60.",
      },
      radiusField("Owner may go this far"),
    ],
  },
  removed: {
    get label() {
      return t("cameras.scene.removedObjectZone");
    },
    geometry: "polygon",
    sceneKey: "removed_objects",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    get help() {
      return t("cameras.scene.anObjectThatStood");
    },
    fields: [
      {
        key: "watch",
        get label() {
          return t("cameras.scene.watch");
        },
        type: "choice",
        choices: [
          { value: "objects", get label() {
              return t("cameras.scene.detectedObjectsOfThe");
            } },
          { value: "region", get label() {
              return t("cameras.scene.thePictureOfThe");
            } },
        ],
        get hint() {
          return t("cameras.scene.thePictureForAn");
        },
      },
      {
        key: "classes",
        get label() {
          return t("cameras.scene.objectsWatched");
        },
        type: "classes",
        placeholder: "suitcase",
        get hint() {
          return t("cameras.scene.emptyAnythingTheDetector");
        },
      },
      {
        key: "present_seconds",
        get label() {
          return t("cameras.scene.objectThereAtLeast");
        },
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 30.",
      },
      {
        key: "absent_seconds",
        get label() {
          return t("cameras.scene.goneAtLeastSeconds");
        },
        type: "number",
        min: 0,
        minIncluded: false,
        get hint() {
          return t("cameras.scene.empty3PutBack");
        },
      },
      radiusField("A person this close took it"),
    ],
  },
  nostop: {
    get label() {
      return t("cameras.scene.noStoppingZone");
    },
    geometry: "polygon",
    sceneKey: "no_stopping",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    get help() {
      return t("cameras.scene.peopleOrVehiclesStopping");
    },
    fields: [
      {
        key: "classes",
        get label() {
          return t("cameras.scene.classesThatMayNot");
        },
        type: "classes",
        placeholder: `person, ${VEHICLES}`,
        hint: `Empty: person, ${VEHICLES}.`,
      },
      {
        key: "dwell_seconds",
        get label() {
          return t("cameras.scene.alarmAfterStoppedSeconds");
        },
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 10.",
      },
      {
        key: "max_speed",
        get label() {
          return t("cameras.scene.stoppedBelowOwnHeights");
        },
        type: "number",
        min: 0,
        minIncluded: false,
        get hint() {
          return t("cameras.scene.empty02Someone");
        },
      },
    ],
  },
  mask: {
    get label() {
      return t("cameras.scene.motionMask");
    },
    geometry: "polygon",
    sceneKey: "motion_mask",
    minPoints: 3,
    named: false,
    uniqueNames: false,
    get help() {
      return t("cameras.scene.motionInsideIsIgnored");
    },
    fields: [],
  },
  calibration: {
    get label() {
      return t("cameras.scene.speedCalibration");
    },
    geometry: "points",
    sceneKey: "calibration",
    minPoints: 4,
    named: false,
    uniqueNames: false,
    help:
      "At least four points on the road, no three in a row, with their ground positions in metres " +
      "(e.g. lane markings of known spacing). Needed for speeds.",
    fields: [
      { key: "speed_limit_kmh", get label() {
          return t("cameras.scene.cameraWideSpeedLimit");
        }, type: "number", min: 0, minIncluded: false },
    ],
  },
};

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
