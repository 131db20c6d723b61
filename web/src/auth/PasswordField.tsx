import type { Ref } from "react";
import { FormField } from "../components/FormField";

/** The password of the user logging in (or unlocking): a required field the browser may fill from its store. */
export function PasswordField({
  id,
  label,
  name,
  value,
  onChange,
  ref,
}: {
  id: string;
  label: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <FormField id={id} label={label}>
      {(control) => (
        <input
          {...control}
          ref={ref}
          name={name}
          type="password"
          autoComplete="current-password"
          required
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}
