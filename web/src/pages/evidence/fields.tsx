/** A labelled form control with its error message next to it (announced, and linked by aria-describedby). */
import { cloneElement, type ReactElement } from "react";

interface ControlProps {
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ReactElement<ControlProps>;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <span id={`${id}-hint`} className="muted evidence-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level outcome: errors not tied to one field, or what just succeeded. */
export function FormMessage({ error, ok }: { error?: string | null; ok?: string | null }) {
  return (
    <div aria-live="polite">
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : ok ? (
        <p className="state state-ok">{ok}</p>
      ) : null}
    </div>
  );
}
