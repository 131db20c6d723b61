import { useState, type FormEvent } from "react";
import { useMutation } from "../../../api/useMutation";
import { formErrorsOf, hasErrors, type FormErrors } from "./apiErrors";

export interface DraftFormOptions<O, D, S> {
  /** The stored record being edited; null for a create form, which starts again from empty once saved. */
  original: O | null;
  /** The draft a form starts from: the stored record's values, or empty ones. */
  draftOf: (original: O | null) => D;
  /** Checks done here before anything is sent; an empty record lets the draft through. */
  validate: (draft: D, creating: boolean) => FormErrors;
  create: (draft: D) => Promise<S>;
  /** Sends what changed from `original`. */
  update: (draft: D, original: O) => Promise<S>;
  onSaved: (saved: S) => void;
  /** The form's own fields: the server's complaints about them go beside them. */
  fields: readonly string[];
  /** The field a 409 is about (e.g. a name that is taken); the form as a whole when not given. */
  conflictField?: string;
}

/**
 * A watchlist create-or-edit form: the draft, its errors by field (`FORM` for the whole form) and the
 * submit that checks, saves (creates, or updates `original`), and puts a refusal beside the field it names.
 */
export function useDraftForm<O, D, S>(options: DraftFormOptions<O, D, S>) {
  const { original, draftOf, validate, create, update, onSaved, fields, conflictField } = options;
  const creating = original === null;
  const initial = () => draftOf(original);
  const [draft, setDraft] = useState<D>(initial);
  const [checked, setChecked] = useState<FormErrors>({});
  const saving = useMutation((saved: D) => (original === null ? create(saved) : update(saved, original)), {
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
    const found = validate(draft, creating);
    saving.reset();
    setChecked(found);
    if (!hasErrors(found)) void saving.run(draft);
  };

  return { draft, errors, busy: saving.busy, set, setValue, submit };
}
