import type { ControlProps } from "./FormField";
import { Options } from "./Options";

/**
 * A select of one of `values`, each shown in words by `label` (the value itself when not given). `none`
 * adds a first choice with the value "" (e.g. "Any status"); include "" in `V` then. Spread a
 * `FormField`'s control props onto it.
 */
export function ChoiceSelect<V extends string>({
  values,
  label = String,
  none,
  value,
  onChange,
  ...control
}: Partial<ControlProps> & {
  values: readonly V[];
  label?: (value: V) => string;
  none?: string;
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    // The options offer only `values` (and "" with `none`), so the chosen value is a V.
    <select {...control} value={value} onChange={(event) => onChange(event.target.value as V)}>
      {none === undefined ? null : <option value="">{none}</option>}
      <Options items={values} label={label} />
    </select>
  );
}
