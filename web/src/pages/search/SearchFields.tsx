/** Fields and the submit row that the search forms (plates, faces, persons, events) have in common. */
import { useId, type FormEvent, type ReactNode } from "react";
import { FieldError, FormField } from "../../components/FormField";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

/** A search form: a card named by its heading, `title`; checked here rather than by the browser. */
export function SearchForm({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <form className="card form-grid" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </form>
  );
}

/** Where a search says what it is doing and what it found (read out as it changes). */
export function SearchStatus({ testId, status }: { testId: string; status: string }) {
  return (
    <p className="state" role="status" data-testid={testId}>
      {status}
    </p>
  );
}

/** A search form's submit row: the button (saying "Searching…" while busy) and the error of the whole form. */
export function SearchActions({ label, busy, error }: { label: string; busy: boolean; error: string | null }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t("search.searching") : label}
      </button>
      {error ? <FieldError>{error}</FieldError> : null}
    </div>
  );
}

/** What a typed-in number field is given: its id, its text, its error and where a change goes. */
interface NumberFieldProps {
  id: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

function NumberField({
  min,
  max,
  step,
  value,
  onChange,
  ...field
}: NumberFieldProps & { label: string; hint?: string; min: number; max: number; step?: number }) {
  return (
    <FormField {...field}>
      {(control) => (
        <input type="number" min={min} max={max} step={step} value={value} onChange={(e) => onChange(e.target.value)} {...control} />
      )}
    </FormField>
  );
}

/** How many results at the most, typed in (1 to `max`). */
export function LimitField({ max, ...field }: NumberFieldProps & { max: number }) {
  return <NumberField {...field} label={t("search.atMostResults")} min={1} max={max} />;
}

/** A score from 0 to 1 in steps of 0.05 below which results are left out, with what the number means. */
export function ScoreField(field: NumberFieldProps & { label: string; hint: string }) {
  return <NumberField {...field} min={0} max={1} step={0.05} />;
}

/** How many results, chosen from `values` (each shown in words by `label`). */
export function LimitSelect({
  id,
  label,
  values,
  optionLabel,
  value,
  onChange,
}: {
  id: string;
  label: string;
  values: readonly number[];
  optionLabel: (value: number) => string;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <FormField id={id} label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(Number(e.target.value))}>
          <Options items={values} label={optionLabel} />
        </select>
      )}
    </FormField>
  );
}
