/**
 * The kinds of shape a camera's scene holds (safecity.pipeline.rules.SceneConfig) and the rule options each
 * takes. Options are described as data so one form renders them all.
 */

export type ShapeKind = "zone" | "line" | "signal" | "lane" | "solid" | "mask" | "calibration";
export type Geometry = "polygon" | "line" | "points";

export type RuleField =
  | { key: string; label: string; type: "number"; min: number; minIncluded: boolean; integer?: boolean; hint?: string }
  | { key: string; label: string; type: "classes"; required?: boolean; placeholder?: string; hint?: string }
  | { key: string; label: string; type: "choice"; choices: { value: string; label: string }[]; hint?: string };

export interface KindInfo {
  label: string;
  geometry: Geometry;
  /** The scene's list (or object, for calibration) that holds this kind. */
  sceneKey: "zones" | "lines" | "signals" | "lanes" | "solid_lines" | "motion_mask" | "calibration";
  minPoints: number;
  named: boolean;
  /** Whether the server refuses two shapes of this kind with one name. */
  uniqueNames: boolean;
  fields: RuleField[];
  help: string;
}

const CLASSES_HINT = "Comma-separated, e.g. person, car. Empty: all classes.";
const VEHICLES = "car, bus, truck, motorcycle";

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

export const KIND_ORDER: ShapeKind[] = ["zone", "line", "signal", "lane", "solid", "mask", "calibration"];
