import type { InputHTMLAttributes } from "react";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange">;

/** A form's draft, where a change goes, and the errors by field (the form's `{ draft, onDraft, errors }`). */
export interface DraftBinding<D> {
  draft: D;
  onDraft: (draft: D) => void;
  errors: Partial<Record<string, string>>;
}

/** A labelled text (or date) input bound to `draft[field]`, with that field's error beside it. */
export function DraftInput<K extends string, D extends Record<K, string>>({
  id,
  label,
  className,
  field,
  draft,
  onDraft,
  errors,
  ...input
}: InputProps & DraftBinding<D> & { id: string; label: string; className?: string; field: K }) {
  return (
    <FormField id={id} label={label} error={errors[field]} className={className}>
      {(control) => (
        <input {...control} {...input} value={draft[field]} onChange={(e) => onDraft({ ...draft, [field]: e.target.value })} />
      )}
    </FormField>
  );
}

/**
 * A labelled select of `values` (each in words by `words`) bound to `draft[field]`, with that field's error
 * beside it. `none` adds a first choice, "", for a field that may be left empty (e.g. "Any status").
 */
export function DraftChoice<V extends string, K extends string, D extends Record<K, V | "">>({
  id,
  label,
  field,
  values,
  words,
  none,
  draft,
  onDraft,
  errors,
}: DraftBinding<D> & { id: string; label: string; field: K; values: readonly V[]; words: (value: V) => string; none?: string }) {
  return (
    <FormField id={id} label={label} error={errors[field]}>
      {(control) => (
        <ChoiceSelect<V | "">
          {...control}
          values={values}
          label={(value) => (value ? words(value) : "")}
          none={none}
          value={draft[field]}
          onChange={(value) => onDraft({ ...draft, [field]: value })}
        />
      )}
    </FormField>
  );
}
