import type { ReactNode } from "react";

/** Props that tie a control to its label, hint and error: spread them onto the input, select or textarea. */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The aria attributes (and id) of a control with an optional hint (`<id>-hint`) and error (`<id>-error`). */
export function controlProps(id: string, hasHint: boolean, error?: string | null): ControlProps {
  const ids = [hasHint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

/**
 * A labelled control with an optional hint and its error in words right below it, both linked to the
 * control by aria-describedby. `children` receives the props to spread onto the control:
 * `<FormField id="x" label="Plate" error={e}>{(control) => <input {...control} />}</FormField>`.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children(controlProps(id, Boolean(hint), error))}
      {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </div>
  );
}

/** Help below a control; give it the id the control's aria-describedby names. */
export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="field-hint muted">
      {children}
    </div>
  );
}

/** An error next to a control or a form; role=alert so it is announced when it appears. */
export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="field-error" role="alert">
      {children}
    </p>
  );
}

/** A form's outcome: the error that belongs to no single field, or what just succeeded. */
export function FormMessage({ error, ok }: { error?: string | null; ok?: string | null }) {
  return (
    <div aria-live="polite">
      {error ? <FieldError>{error}</FieldError> : ok ? <p className="state state-ok">{ok}</p> : null}
    </div>
  );
}
