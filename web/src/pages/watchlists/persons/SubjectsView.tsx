import { Link } from "react-router";
import { orDash, type Column } from "../../../components/RecordTable";
import { expiryText } from "../shared/expiry";
import { ListView } from "../shared/ListView";
import { subjectPath } from "../paths";
import { subjectCategoryLabel, type Subject } from "../types";
import { SubjectForm } from "./SubjectForm";
import { subjectStatus } from "./subjectStatus";
import { t } from "../../../i18n/catalogue";

/** Everyone on the face watchlist, and a form to add a person. */
export function SubjectsView() {
  return (
    <ListView
      name="subjects"
      title={t("watchlists.persons.personWatchlist")}
      what={t("watchlists.persons.watchlistSubjects")}
      empty="Nobody is on the watchlist yet."
      load={(client, signal) => client.GET("/api/v1/watchlists/persons", { signal })}
      columns={subjectColumns}
      disabled={(subject) => !subjectStatus(subject).searchable}
      caption={t("watchlists.persons.peopleOnTheFace")}
      form={(saved) => (
        <SubjectForm
          subject={null}
          onSaved={(created) => saved(t("watchlists.persons.addedOpenTheName", { name: created.name, id: created.id }))}
        />
      )}
    />
  );
}

/** The table's columns, headed in the current language. */
const subjectColumns = (): readonly Column<Subject>[] => [
  {
    header: t("watchlists.persons.name"),
    rowHeader: true,
    cell: (subject) => (
      <>
        <Link to={subjectPath(subject.id)}>{subject.name}</Link> <span className="muted">({subject.id})</span>
      </>
    ),
  },
  { header: t("watchlists.persons.category"), cell: (subject) => subjectCategoryLabel(subject.category) },
  { header: t("watchlists.persons.legalBasis"), cell: (subject) => subject.legal_authority },
  { header: t("watchlists.persons.reason"), cell: (subject) => subject.reason },
  { header: t("watchlists.persons.caseRef"), cell: (subject) => orDash(subject.case_ref) },
  { header: t("watchlists.persons.expiry"), cell: (subject) => expiryText(subject.expires_at, subject.expired) },
  { header: t("watchlists.persons.status"), cell: (subject) => subjectStatus(subject).text },
];
