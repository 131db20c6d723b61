/**
 * Asks why before any read of personal data (plate and face searches, trajectories, evidence). The server
 * requires `purpose` (and takes an optional `case_ref`) on those routes and writes both to the audit log.
 */
import { useCallback, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { FormField } from "./FormField";
import { Modal } from "./Modal";
import { t } from "../i18n/catalogue";

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

/** Asks for the purpose (and an optional case reference) in a modal dialog; Escape or Cancel sends nothing. */
export function PurposeDialog({ open, action, onConfirm, onCancel }: Props) {
  if (!open) return null;
  // Mounted afresh each time it opens, so the fields start empty.
  return (
    <Modal
      title={t("common.purposeOfThisSearch")}
      description={
        <>
          {action ? <strong>{action}. </strong> : null}
          This reads personal data. Your purpose and case reference are recorded in the audit log.
        </>
      }
      onCancel={onCancel}
    >
      <PurposeForm onConfirm={onConfirm} onCancel={onCancel} />
    </Modal>
  );
}

function PurposeForm({ onConfirm, onCancel }: Pick<Props, "onConfirm" | "onCancel">) {
  const [purpose, setPurpose] = useState("");
  const [caseRef, setCaseRef] = useState("");
  const [errors, setErrors] = useState<ReturnType<typeof validatePurpose>>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validatePurpose(purpose, caseRef);
    setErrors(found);
    if (found) {
      formRef.current?.querySelector<HTMLElement>(found.purpose ? "textarea" : "input")?.focus();
      return;
    }
    onConfirm({ purpose: purpose.trim(), caseRef: caseRef.trim() });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormField id={`${id}-purpose`} label={t("common.purposeRequired")} error={errors?.purpose}>
        {(control) => (
          <textarea
            {...control}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            rows={3}
            required
            maxLength={MAX_PURPOSE_LENGTH + 50}
          />
        )}
      </FormField>
      <FormField id={`${id}-case`} label={t("common.caseReferenceOptional")} error={errors?.caseRef}>
        {(control) => (
          <input {...control} value={caseRef} onChange={(e) => setCaseRef(e.target.value)} placeholder={t("common.eGFir123")} />
        )}
      </FormField>
      <div className="actions">
        <button type="button" className="btn btn-quiet" onClick={onCancel}>
          {t("common.cancel")}
        </button>
        <button type="submit" className="btn btn-primary">
          {t("common.continue")}
        </button>
      </div>
    </form>
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
