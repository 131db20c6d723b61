import { FormField } from "../FormField";

export type Axis = "latitude" | "longitude";

const AXES: readonly Axis[] = ["latitude", "longitude"];

/** The largest value of each axis in decimal degrees: the range is -limit .. +limit. */
const LIMIT: Record<Axis, number> = { latitude: 90, longitude: 180 };

/**
 * A latitude and a longitude typed in decimal degrees, each a number field bounded to its axis' range.
 * The fields' ids are `<idPrefix>-latitude` and `<idPrefix>-longitude`; `describedBy` (e.g. a hint shared
 * by both) replaces the fields' own aria-describedby.
 */
export function CoordinateFields({
  idPrefix,
  labels,
  value,
  onChange,
  errors = {},
  describedBy,
}: {
  idPrefix: string;
  labels: Record<Axis, string>;
  value: Record<Axis, string>;
  onChange: (axis: Axis, value: string) => void;
  errors?: Partial<Record<Axis, string | null>>;
  describedBy?: string;
}) {
  return AXES.map((axis) => (
    <FormField key={axis} id={`${idPrefix}-${axis}`} label={labels[axis]} error={errors[axis]}>
      {(control) => (
        <input
          {...control}
          type="number"
          step="any"
          min={-LIMIT[axis]}
          max={LIMIT[axis]}
          value={value[axis]}
          onChange={(e) => onChange(axis, e.target.value)}
          aria-describedby={describedBy ?? control["aria-describedby"]}
        />
      )}
    </FormField>
  ));
}
