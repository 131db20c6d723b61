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
  const hint = "A fraction of the frame width: 0.08 is 8 % of it.";
  return { key: "radius", label, type: "number", min: 0, minIncluded: false, required: true, length: true, hint };
}

export const KINDS: Record<ShapeKind, KindInfo> = {
  zone: {
    label: "Zone",
    geometry: "polygon",
    sceneKey: "zones",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    help: "An area: entering and leaving are reported; dwell, loitering, crowd and speed alerts are optional.",
    fields: [
      { key: "classes", label: "Object classes watched", type: "classes", hint: CLASSES_HINT },
      { key: "dwell_seconds", label: "Dwell alert after (seconds)", type: "number", min: 0, minIncluded: false },
      { key: "loiter_seconds", label: "Loitering alert after (seconds)", type: "number", min: 0, minIncluded: false },
      {
        key: "loiter_classes",
        label: "Classes that can loiter",
        type: "classes",
        placeholder: "person",
        hint: "Empty: person.",
      },
      {
        key: "crowd_threshold",
        label: "Crowd alert at (objects inside)",
        type: "number",
        min: 2,
        minIncluded: true,
        integer: true,
      },
      {
        key: "speed_limit_kmh",
        label: "Speed limit in this zone (km/h)",
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Needs the speed calibration.",
      },
    ],
  },
  line: {
    label: "Counting line",
    geometry: "line",
    sceneKey: "lines",
    minPoints: 2,
    named: true,
    uniqueNames: true,
    help: "Objects crossing it are counted in and out; the arrow points to the side crossings count as 'in'.",
    fields: [
      { key: "classes", label: "Object classes counted", type: "classes", hint: CLASSES_HINT },
      {
        key: "allowed_direction",
        label: "Allowed direction",
        type: "choice",
        choices: [
          { value: "", label: "Both (count only)" },
          { value: "in", label: "Only 'in': report 'out' as wrong way" },
          { value: "out", label: "Only 'out': report 'in' as wrong way" },
        ],
      },
    ],
  },
  signal: {
    label: "Red-light stop line",
    geometry: "line",
    sceneKey: "signals",
    minPoints: 2,
    named: true,
    uniqueNames: true,
    help: "A signal's stop line: vehicles crossing it into the junction during red are violations.",
    fields: [
      {
        key: "direction",
        label: "Crossing into the junction",
        type: "choice",
        choices: [
          { value: "in", label: "'in' (towards the arrow)" },
          { value: "out", label: "'out' (away from the arrow)" },
        ],
      },
      { key: "classes", label: "Vehicle classes", type: "classes", placeholder: VEHICLES, hint: `Empty: ${VEHICLES}.` },
      {
        key: "red_grace_seconds",
        label: "Grace at the start of red (seconds)",
        type: "number",
        min: 0,
        minIncluded: true,
      },
    ],
  },
  lane: {
    label: "Restricted lane",
    geometry: "polygon",
    sceneKey: "lanes",
    minPoints: 3,
    named: true,
    uniqueNames: false,
    help: "A lane reserved for some classes (a bus lane): other watched classes inside it are violations.",
    fields: [
      { key: "allowed_classes", label: "Allowed classes", type: "classes", required: true, placeholder: "bus" },
      { key: "watched_classes", label: "Watched classes", type: "classes", placeholder: VEHICLES, hint: `Empty: ${VEHICLES}.` },
      { key: "min_seconds", label: "Violation after (seconds inside)", type: "number", min: 0, minIncluded: true },
    ],
  },
  solid: {
    label: "Solid line",
    geometry: "line",
    sceneKey: "solid_lines",
    minPoints: 2,
    named: true,
    uniqueNames: false,
    help: "A line vehicles must not cross in either direction (centre line, lane divider).",
    fields: [
      { key: "classes", label: "Vehicle classes", type: "classes", placeholder: VEHICLES, hint: `Empty: ${VEHICLES}.` },
    ],
  },
  abandoned: {
    label: "Abandoned object zone",
    geometry: "polygon",
    sceneKey: "abandoned_objects",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    help:
      "A bag left here is an alarm once it has stayed put for the set time after the person who carried it " +
      "went further than the radius.",
    fields: [
      { key: "classes", label: "Objects watched", type: "classes", placeholder: CARRIED, hint: `Empty: ${CARRIED}.` },
      {
        key: "unattended_seconds",
        label: "Alarm after unattended (seconds)",
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 60.",
      },
      radiusField("Owner may go this far"),
    ],
  },
  removed: {
    label: "Removed object zone",
    geometry: "polygon",
    sceneKey: "removed_objects",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    help: "An object that stood here a while and is taken away by a person (not put back in time) is an alarm.",
    fields: [
      {
        key: "watch",
        label: "Watch",
        type: "choice",
        choices: [
          { value: "objects", label: "Detected objects (of the classes below)" },
          { value: "region", label: "The picture of the region (draw it around the object)" },
        ],
        hint: "The picture: for an object the detector does not know, such as a statue. Leave the classes empty.",
      },
      {
        key: "classes",
        label: "Objects watched",
        type: "classes",
        placeholder: "suitcase",
        hint: "Empty: anything the detector finds here but people.",
      },
      {
        key: "present_seconds",
        label: "Object there at least (seconds)",
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 30.",
      },
      {
        key: "absent_seconds",
        label: "Gone at least (seconds)",
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 3. Put back sooner: no alarm.",
      },
      radiusField("A person this close took it"),
    ],
  },
  nostop: {
    label: "No-stopping zone",
    geometry: "polygon",
    sceneKey: "no_stopping",
    minPoints: 3,
    named: true,
    uniqueNames: true,
    help: "People or vehicles stopping here (near a protected building) for the set time are an alarm.",
    fields: [
      {
        key: "classes",
        label: "Classes that may not stop",
        type: "classes",
        placeholder: `person, ${VEHICLES}`,
        hint: `Empty: person, ${VEHICLES}.`,
      },
      {
        key: "dwell_seconds",
        label: "Alarm after stopped (seconds)",
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 10.",
      },
      {
        key: "max_speed",
        label: "Stopped below (own heights per second)",
        type: "number",
        min: 0,
        minIncluded: false,
        hint: "Empty: 0.2. Someone walking makes about 0.8.",
      },
    ],
  },
  mask: {
    label: "Motion mask",
    geometry: "polygon",
    sceneKey: "motion_mask",
    minPoints: 3,
    named: false,
    uniqueNames: false,
    help: "Motion inside is ignored (trees, flags, an on-screen clock); objects there are still detected.",
    fields: [],
  },
  calibration: {
    label: "Speed calibration",
    geometry: "points",
    sceneKey: "calibration",
    minPoints: 4,
    named: false,
    uniqueNames: false,
    help:
      "At least four points on the road, no three in a row, with their ground positions in metres " +
      "(e.g. lane markings of known spacing). Needed for speeds.",
    fields: [
      { key: "speed_limit_kmh", label: "Camera-wide speed limit (km/h)", type: "number", min: 0, minIncluded: false },
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
