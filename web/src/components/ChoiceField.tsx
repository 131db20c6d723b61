import type { ReactNode } from "react";
import { ChoiceSelect } from "./ChoiceSelect";
import { FormField } from "./FormField";

/**
 * A labelled select of one of `values` (a FormField holding a ChoiceSelect): `optionLabel` gives each value's
 * words, `none` adds a first choice "" (include "" in `V` then).
 */
export function ChoiceField<V extends string>({
  id,
  label,
  hint,
  error,
  className,
  values,
  optionLabel,
  none,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  values: readonly V[];
  optionLabel?: (value: V) => string;
  none?: string;
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <FormField id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => <ChoiceSelect {...control} values={values} label={optionLabel} none={none} value={value} onChange={onChange} />}
    </FormField>
  );
}
