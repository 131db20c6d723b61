/**
 * Asks why before any read of personal data (plate and face searches, trajectories, evidence). The server
 * requires `purpose` (and takes an optional `case_ref`) on those routes and writes both to the audit log.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";

export interface Purpose {
  purpose: string;
  caseRef: string;
}

export const MIN_PURPOSE_LENGTH = 8;
export const MAX_PURPOSE_LENGTH = 500;
export const MAX_CASE_REF_LENGTH = 128;

/** Returns an error message, or null when the input is acceptable. */
export function validatePurpose(purpose: string, caseRef: string): { purpose?: string; caseRef?: string } | null {
  const errors: { purpose?: string; caseRef?: string } = {};
  const text = purpose.trim();
  if (!text) errors.purpose = "State the purpose of this search.";
  else if (text.length < MIN_PURPOSE_LENGTH)
    errors.purpose = `Describe the purpose in at least ${MIN_PURPOSE_LENGTH} characters.`;
  else if (text.length > MAX_PURPOSE_LENGTH) errors.purpose = `At most ${MAX_PURPOSE_LENGTH} characters.`;
  if (caseRef.trim().length > MAX_CASE_REF_LENGTH) errors.caseRef = `At most ${MAX_CASE_REF_LENGTH} characters.`;
  return errors.purpose || errors.caseRef ? errors : null;
}

/** Query parameters for a personal-data request. */
export function purposeQuery(p: Purpose): { purpose: string; case_ref?: string } {
  return p.caseRef ? { purpose: p.purpose, case_ref: p.caseRef } : { purpose: p.purpose };
}

interface Props {
  open: boolean;
  /** What is about to be searched, e.g. "Plate search: MH12AB1234". */
  action?: string;
  onConfirm: (purpose: Purpose) => void;
  onCancel: () => void;
}

const FOCUSABLE = "input, textarea, button, select, a[href], [tabindex]:not([tabindex='-1'])";

export function PurposeDialog({ open, action, onConfirm, onCancel }: Props) {
  const [purpose, setPurpose] = useState("");
  const [caseRef, setCaseRef] = useState("");
  const [errors, setErrors] = useState<ReturnType<typeof validatePurpose>>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const firstFieldRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    setPurpose("");
    setCaseRef("");
    setErrors(null);
    firstFieldRef.current?.focus();
    return () => previous?.focus();
  }, [open]);

  if (!open) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePurpose(purpose, caseRef);
    setErrors(found);
    if (found) {
      (found.purpose ? firstFieldRef.current : dialogRef.current?.querySelector<HTMLElement>("input"))?.focus();
      return;
    }
    onConfirm({ purpose: purpose.trim(), caseRef: caseRef.trim() });
  };

  // Escape cancels; Tab stays inside the dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== "Tab" || !dialogRef.current) return;
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        onKeyDown={onKeyDown}
      >
        <form onSubmit={submit} noValidate>
          <h2 id={`${id}-title`}>Purpose of this search</h2>
          <p id={`${id}-desc`} className="muted">
            {action ? <strong>{action}. </strong> : null}
            This reads personal data. Your purpose and case reference are recorded in the audit log.
          </p>
          <Field id={`${id}-purpose`} label="Purpose (required)" error={errors?.purpose}>
            <textarea
              id={`${id}-purpose`}
              ref={firstFieldRef}
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
              rows={3}
              required
              maxLength={MAX_PURPOSE_LENGTH + 50}
              aria-invalid={errors?.purpose ? true : undefined}
              aria-describedby={errors?.purpose ? `${id}-purpose-error` : undefined}
            />
          </Field>
          <Field id={`${id}-case`} label="Case reference (optional)" error={errors?.caseRef}>
            <input
              id={`${id}-case`}
              value={caseRef}
              onChange={(e) => setCaseRef(e.target.value)}
              placeholder="e.g. FIR 123/2025"
              aria-invalid={errors?.caseRef ? true : undefined}
              aria-describedby={errors?.caseRef ? `${id}-case-error` : undefined}
            />
          </Field>
          <div className="actions">
            <button type="button" className="btn btn-quiet" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Continue
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** `const [dialog, askPurpose] = usePurposePrompt(); const p = await askPurpose("Plate search"); if (!p) return;` */
export function usePurposePrompt(): [ReactNode, (action?: string) => Promise<Purpose | null>] {
  const [request, setRequest] = useState<{ action?: string; resolve: (p: Purpose | null) => void } | null>(null);
  const ask = useCallback(
    (action?: string) => new Promise<Purpose | null>((resolve) => setRequest({ action, resolve })),
    [],
  );
  const finish = (value: Purpose | null) => {
    request?.resolve(value);
    setRequest(null);
  };
  const dialog = (
    <PurposeDialog open={request !== null} action={request?.action} onConfirm={finish} onCancel={() => finish(null)} />
  );
  return [dialog, ask];
}
