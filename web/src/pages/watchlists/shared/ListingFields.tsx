/** The fields every watchlist listing has (a person's or a plate's): case reference, expiry and reason. */
import { FormField } from "../../../components/FormField";
import { todayUtc } from "./expiry";
import { t } from "../../../i18n/catalogue";

interface ListingFieldProps {
  /** The form's id; each field's id is derived from it. */
  formId: string;
  value: string;
  error?: string;
  onChange: (event: { target: { value: string } }) => void;
}

export function CaseRefField({ formId, value, error, onChange }: ListingFieldProps) {
  return (
    <FormField id={`${formId}-case`} label={t("watchlists.shared.caseReference")} error={error}>
      {(control) => <input {...control} value={value} maxLength={128} onChange={onChange} />}
    </FormField>
  );
}

/** A date (UTC) after which the listing no longer matches; `hint` says what that means for this list. */
export function ExpiryField({ formId, value, error, onChange, hint }: ListingFieldProps & { hint: string }) {
  return (
    <FormField id={`${formId}-expires`} label={t("watchlists.shared.expiresOptional")} hint={hint} error={error}>
      {(control) => <input {...control} type="date" min={todayUtc()} value={value} onChange={onChange} />}
    </FormField>
  );
}

export function ReasonField({ formId, value, error, onChange }: ListingFieldProps) {
  return (
    <FormField id={`${formId}-reason`} label={t("watchlists.shared.reason")} error={error} className="wl-wide">
      {(control) => <textarea {...control} rows={2} maxLength={2000} value={value} onChange={onChange} />}
    </FormField>
  );
}
