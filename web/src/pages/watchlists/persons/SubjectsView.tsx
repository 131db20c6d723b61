import { useState } from "react";
import { Link, useLocation } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { StateMessage } from "../../../components/StateMessage";
import { expiryText } from "../shared/expiry";
import { StatusLine, type Status } from "../shared/StatusLine";
import { arrivalMessage, subjectPath } from "../paths";
import { SUBJECT_CATEGORY_LABELS, type Subject } from "../types";
import { SubjectForm } from "./SubjectForm";
import { subjectStatus } from "./subjectStatus";

/** Everyone on the face watchlist, and a form to add a person. */
export function SubjectsView() {
  const { client } = useAuth();
  const location = useLocation();
  const { resource, reload } = useResource(
    (signal) => client.get<Subject[]>("/api/v1/watchlists/persons", { signal }),
    [client],
  );
  const [status, setStatus] = useState<Status | null>(() => {
    const message = arrivalMessage(location.state);
    return message ? { kind: "ok", text: message } : null;
  });

  return (
    <section aria-labelledby="subjects-title">
      <h2 id="subjects-title">Person watchlist</h2>
      <StatusLine status={status} testId="subjects-status" />
      <StateMessage
        resource={resource}
        what="watchlist subjects"
        empty={resource.data?.length === 0 ? <p className="state">Nobody is on the watchlist yet.</p> : null}
      />
      {resource.data && resource.data.length > 0 ? <SubjectsTable subjects={resource.data} /> : null}
      <SubjectForm
        subject={null}
        onSaved={(created) => {
          setStatus({
            kind: "ok",
            text: `Added ${created.name} (${created.id}). Open the name to enrol face images.`,
          });
          reload();
        }}
      />
    </section>
  );
}

function SubjectsTable({ subjects }: { subjects: readonly Subject[] }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="subjects-table">
        <caption className="visually-hidden">People on the face watchlist</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Category</th>
            <th scope="col">Legal basis</th>
            <th scope="col">Reason</th>
            <th scope="col">Case ref</th>
            <th scope="col">Expiry</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((subject) => {
            const status = subjectStatus(subject);
            return (
              <tr key={subject.id} className={status.searchable ? undefined : "row-disabled"}>
                <th scope="row">
                  <Link to={subjectPath(subject.id)}>{subject.name}</Link>{" "}
                  <span className="muted">({subject.id})</span>
                </th>
                <td>{SUBJECT_CATEGORY_LABELS[subject.category] ?? subject.category}</td>
                <td>{subject.legal_authority}</td>
                <td>{subject.reason}</td>
                <td>{subject.case_ref || <span className="muted">—</span>}</td>
                <td>{expiryText(subject.expires_at, subject.expired)}</td>
                <td>{status.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
