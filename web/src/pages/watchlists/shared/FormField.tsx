import type { ReactNode } from "react";

/** Props that tie a control to its label, hint and error (spread onto the input, select or textarea). */
export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A labelled control with an optional hint and its error in words right below it. */
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
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {hint ? (
        <div id={`${id}-hint`} className="muted wl-hint">
          {hint}
        </div>
      ) : null}
      {error ? <FieldMessage id={`${id}-error`} text={error} /> : null}
    </div>
  );
}

/** An error next to a control or a form; role=alert so it is announced when it appears. */
export function FieldMessage({ id, text }: { id?: string; text: string }) {
  return (
    <p id={id} className="field-error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}
