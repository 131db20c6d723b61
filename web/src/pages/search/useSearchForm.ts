import { useState, type FormEvent } from "react";

/**
 * A search form's values, `change` to set some of them, and the form's submit, which hands the values to
 * `onSubmit` (that checks them and runs the search).
 */
export function useSearchForm<Form>(initial: Form | (() => Form), onSubmit: (form: Form) => void) {
  const [form, setForm] = useState<Form>(initial);
  const change = (patch: Partial<Form>) => setForm((previous) => ({ ...previous, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(form);
  };
  return { form, change, submit };
}
