import type { ReactNode } from "react";
import { FormMessage } from "./FormField";

/**
 * A form's actions row: the submit button (its label says what is under way while `busy`), any other
 * buttons (`children`, e.g. Cancel), and the form's outcome: the error of the whole form, or what succeeded.
 */
export function SubmitActions({
  label,
  busyLabel,
  busy,
  error,
  ok,
  className,
  children,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  error?: string | null;
  ok?: string | null;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={className ? `form-actions ${className}` : "form-actions"}>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {children}
      <FormMessage error={error} ok={ok} />
    </div>
  );
}
