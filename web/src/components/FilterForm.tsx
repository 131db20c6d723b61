import type { FormEvent, ReactNode } from "react";

/**
 * A card of filters applied together: its fields, then the apply button (and any other buttons, e.g.
 * Clear). Sending the form calls `onApply`; what is typed meanwhile changes nothing.
 */
export function FilterForm({
  label,
  applyLabel,
  onApply,
  className = "filters",
  actions,
  children,
}: {
  /** The form's accessible name, e.g. "Ticket filters". */
  label: string;
  applyLabel: string;
  onApply: () => void;
  className?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form className={`card ${className}`} onSubmit={submit} aria-label={label}>
      {children}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {applyLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}
