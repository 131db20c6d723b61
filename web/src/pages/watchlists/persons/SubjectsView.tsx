import { useState } from "react";
import { Link } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { useArrivalMessage } from "../../../components/arrivalMessage";
import { orDash, RecordTable, type Column } from "../../../components/RecordTable";
import { StateMessage } from "../../../components/StateMessage";
import { expiryText } from "../shared/expiry";
import { StatusLine, type Status } from "../shared/StatusLine";
import { subjectPath } from "../paths";
import { subjectCategoryLabel, type Subject } from "../types";
import { SubjectForm } from "./SubjectForm";
import { subjectStatus } from "./subjectStatus";
import { t } from "../../../i18n/catalogue";

/** Everyone on the face watchlist, and a form to add a person. */
export function SubjectsView() {
  const { client } = useAuth();
  const { resource, reload } = useResource(
    (signal) => client.GET("/api/v1/watchlists/persons", { signal }),
    [client],
  );
  const arrived = useArrivalMessage();
  const [status, setStatus] = useState<Status | null>(() => (arrived ? { kind: "ok", text: arrived } : null));

  return (
    <section aria-labelledby="subjects-title">
      <h2 id="subjects-title">{t("watchlists.persons.personWatchlist")}</h2>
      <StatusLine status={status} testId="subjects-status" />
      <StateMessage
        resource={resource}
        what={t("watchlists.persons.watchlistSubjects")}
        empty={resource.data?.length === 0 ? <p className="state">Nobody is on the watchlist yet.</p> : null}
      />
      {resource.data && resource.data.length > 0 ? <SubjectsTable subjects={resource.data} /> : null}
      <SubjectForm
        subject={null}
        onSaved={(created) => {
          setStatus({
            kind: "ok",
            text: t("watchlists.persons.addedOpenTheName", { name: created.name, id: created.id }),
          });
          reload();
        }}
      />
    </section>
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

function SubjectsTable({ subjects }: { subjects: readonly Subject[] }) {
  return (
    <RecordTable
      rows={subjects}
      rowKey={(subject) => subject.id}
      columns={subjectColumns()}
      rowClassName={(subject) => (subjectStatus(subject).searchable ? undefined : "row-disabled")}
      caption={t("watchlists.persons.peopleOnTheFace")}
      testId="subjects-table"
    />
  );
}
