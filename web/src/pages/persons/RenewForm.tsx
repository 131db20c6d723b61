import { useId, useState, type FormEvent } from "react";
import { fieldErrors } from "../../api/client";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { DraftInput } from "./DraftInput";
import { SubmitActions } from "../../components/SubmitActions";
import { t } from "../../i18n/catalogue";
import { MIN_REASON_LENGTH } from "./personDraft";
import type { Person } from "./types";

const FIELDS = ["reason", "review_date", "legal_basis_expires", "legal_basis"] as const;

/** A supervisor's review of a record that is due (or lapsed): new dates and what the review found. */
export function RenewForm({ person, onRenewed }: { person: Person; onRenewed: () => void }) {
  const { client, can } = useAuth();
  const [draft, setDraft] = useState({ reason: "", review_date: "", legal_basis_expires: "", legal_basis: "" });
  const renew = useMutation(
    () =>
      client.POST("/api/v1/persons/{person_id}/renew", {
        params: { path: { person_id: person.id } },
        body: {
          reason: draft.reason.trim(),
          review_date: draft.review_date,
          legal_basis_expires: draft.legal_basis_expires || null,
          legal_basis: draft.legal_basis.trim() || null,
        },
      }),
    { onSuccess: onRenewed },
  );
  const [checked, setChecked] = useState<Record<string, string>>({});
  const errors = renew.failure ? fieldErrors(renew.failure, FIELDS) : checked;
  const binding = { draft, onDraft: setDraft, errors };
  const id = useId();
  if (!person.review_due || !can(Permission.PERSONS_RENEW)) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (draft.reason.trim().length < MIN_REASON_LENGTH) found.reason = t("persons.error.reason", { min: MIN_REASON_LENGTH });
    if (!draft.review_date) found.review_date = t("persons.error.reviewDate");
    setChecked(found);
    renew.reset();
    if (Object.keys(found).length === 0) void renew.run();
  };

  return (
    <form className="card form-grid persons-renew" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("persons.renew.title")}</h3>
      <p className="wide muted">{t("persons.renew.intro")}</p>
      <DraftInput id={`${id}-review`} label={t("persons.renew.reviewDate")} field="review_date" type="date" {...binding} />
      <DraftInput id={`${id}-expires`} label={t("persons.field.legalBasisExpires")} field="legal_basis_expires" type="date" {...binding} />
      <DraftInput id={`${id}-basis`} label={t("persons.renew.newLegalBasis")} field="legal_basis" className="wide" maxLength={1000} {...binding} />
      <DraftInput id={`${id}-reason`} label={t("persons.renew.reason")} field="reason" className="wide" maxLength={1000} {...binding} />
      <SubmitActions
        className="wide"
        label={t("persons.renew.submit")}
        busyLabel={t("persons.renew.busy")}
        busy={renew.busy}
        error={renew.failure && Object.keys(errors).length > 0 ? (errors.form ?? null) : renew.error}
      />
    </form>
  );
}
