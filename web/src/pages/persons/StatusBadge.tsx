import { t } from "../../i18n/catalogue";
import { statusLabel, type Person } from "./types";

/** The record's status as a coloured badge (the text says it; colour is a second cue). */
export function StatusBadge({ status }: { status: Person["status"] }) {
  return <span className={`badge person-status person-status-${status}`}>{statusLabel(status)}</span>;
}

/** "Review due" for a record past its review date or legal basis: it is off the watchlists until renewed. */
export function ReviewDueMarker({ person }: { person: Pick<Person, "review_due"> }) {
  if (!person.review_due) return null;
  return (
    <span className="badge persons-review-due" title={t("persons.reviewDue.hint")}>
      {t("persons.reviewDue")}
    </span>
  );
}
