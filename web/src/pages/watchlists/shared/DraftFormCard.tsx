import type { FormEvent, ReactNode, Ref } from "react";
import { SubmitActions } from "../../../components/SubmitActions";
import { FORM, type FormErrors } from "./apiErrors";

interface DraftFormCardProps {
  /** The form's id (from useId): its heading is `${id}-title`, its fields' ids start with it too. */
  id: string;
  title: ReactNode;
  /** What useDraftForm gives: the errors (the whole form's under `FORM`), the busy flag and the submit. */
  form: { errors: FormErrors; busy: boolean; submit: (event: FormEvent) => void };
  /** The submit button's words, and its words while saving. */
  label: string;
  busyLabel: string;
  /** Buttons beside the submit button (e.g. Cancel). */
  actions?: ReactNode;
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}

/** A watchlist create-or-edit form's card: heading, fields, and the submit row with the form's error. */
export function DraftFormCard({ id, title, form, label, busyLabel, actions, formRef, children }: DraftFormCardProps) {
  const titleId = `${id}-title`;
  return (
    <form ref={formRef} className="card form-grid" onSubmit={form.submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <SubmitActions className="wl-wide" label={label} busyLabel={busyLabel} busy={form.busy} error={form.errors[FORM]}>
        {actions}
      </SubmitActions>
    </form>
  );
}
