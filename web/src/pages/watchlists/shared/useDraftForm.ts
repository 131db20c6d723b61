import { useState, type FormEvent } from "react";
import { useMutation } from "../../../api/useMutation";
import { formErrorsOf, hasErrors, type FormErrors } from "./apiErrors";

export interface DraftFormOptions<D, S> {
  /** The draft to start from; a create form starts again from it once saved. */
  initial: () => D;
  creating: boolean;
  /** Checks done here before anything is sent; an empty record lets the draft through. */
  validate: (draft: D) => FormErrors;
  save: (draft: D) => Promise<S>;
  onSaved: (saved: S) => void;
  /** The form's own fields: the server's complaints about them go beside them. */
  fields: readonly string[];
  /** The field a 409 is about (e.g. a name that is taken); the form as a whole when not given. */
  conflictField?: string;
}

/**
 * A watchlist create-or-edit form: the draft, its errors by field (`FORM` for the whole form) and the
 * submit that checks, saves, and puts a refusal beside the field it names.
 */
export function useDraftForm<D, S>({ initial, creating, validate, save, onSaved, fields, conflictField }: DraftFormOptions<D, S>) {
  const [draft, setDraft] = useState<D>(initial);
  const [checked, setChecked] = useState<FormErrors>({});
  const saving = useMutation(save, {
    onSuccess: (saved) => {
      if (creating) setDraft(initial());
      onSaved(saved);
    },
  });
  const errors = saving.failure ? formErrorsOf(saving.failure, fields, conflictField) : checked;

  const setValue = <K extends keyof D>(key: K, value: D[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  /** An onChange handler for a text input, select or textarea. */
  const set = (key: keyof D) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(draft);
    saving.reset();
    setChecked(found);
    if (!hasErrors(found)) void saving.run(draft);
  };

  return { draft, errors, busy: saving.busy, set, setValue, submit };
}
