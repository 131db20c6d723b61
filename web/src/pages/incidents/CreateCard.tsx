import type { FormEvent, ReactNode } from "react";
import { SubmitActions } from "../../components/SubmitActions";
import { t } from "../../i18n/catalogue";

/**
 * A dispatch form that creates something (an incident, a unit): a card headed by `title` (its heading's id
 * is `${id}-title`), its fields, and a submit button with the heading's words, "Creating…" while it runs,
 * beside the failure that belongs to no single field.
 */
export function CreateCard({
  id,
  title,
  creation,
  onSubmit,
  children,
}: {
  id: string;
  title: string;
  creation: { busy: boolean; error: string | null };
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form className="card form-grid" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <SubmitActions className="form-wide" label={title} busyLabel={t("incidents.creating")} busy={creation.busy} error={creation.error} />
    </form>
  );
}
