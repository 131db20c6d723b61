import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { StateMessage } from "../../../components/StateMessage";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { formErrorsOf } from "../shared/apiErrors";
import { expiryText } from "../shared/expiry";
import { StatusLine, type Status } from "../shared/StatusLine";
import { SUBJECTS_PATH, type ArrivalState } from "../paths";
import { SUBJECT_CATEGORY_LABELS, type Subject, type SubjectImage } from "../types";
import { EnrolledImages } from "./EnrolledImages";
import { ImageEnrolment } from "./ImageEnrolment";
import { SubjectForm } from "./SubjectForm";
import { subjectStatus } from "./subjectStatus";

function errorText(caught: unknown): string {
  return Object.values(formErrorsOf(caught, [])).join(" ");
}

/** One watchlist subject: details (edit, delete) and face images (enrol, remove). */
export function SubjectDetail() {
  const { subjectId = "" } = useParams();
  const { client } = useAuth();
  const navigate = useNavigate();
  const path = `/api/v1/watchlists/persons/${encodeURIComponent(subjectId)}`;
  const { resource, reload } = useResource((signal) => client.get<Subject>(path, { signal }), [client, path]);
  const [status, setStatus] = useState<Status | null>(null);
  const subject = resource.data;

  if (!subject)
    return (
      <section>
        <BackLink />
        <StateMessage resource={resource} what="this watchlist subject" />
      </section>
    );

  const deleteSubject = async () => {
    try {
      await client.delete(path);
      const state: ArrivalState = { message: `Deleted ${subject.name} (${subject.id}) and their face images.` };
      navigate(SUBJECTS_PATH, { state });
    } catch (caught) {
      setStatus({ kind: "error", text: errorText(caught) });
    }
  };
  const removeImage = async (image: SubjectImage) => {
    try {
      await client.delete(`${path}/images/${image.id}`);
      setStatus({ kind: "ok", text: `Removed an image of ${subject.name}.` });
      reload();
    } catch (caught) {
      setStatus({ kind: "error", text: `Could not remove the image: ${errorText(caught)}` });
    }
  };

  return (
    <section aria-labelledby="subject-title">
      <BackLink />
      <div className="section-head">
        <h2 id="subject-title">{subject.name}</h2>
        <ConfirmButton
          label="Delete person"
          question={`Delete ${subject.name} and all their face images?`}
          confirmLabel="Delete person"
          onConfirm={deleteSubject}
        />
      </div>
      <p className="muted" data-testid="subject-summary">
        {subject.id} · {SUBJECT_CATEGORY_LABELS[subject.category] ?? subject.category} ·{" "}
        {expiryText(subject.expires_at, subject.expired)} · {subjectStatus(subject).text} · added by{" "}
        {subject.created_by}
      </p>
      <StatusLine status={status} testId="subject-status" />
      <section className="card" aria-labelledby="images-title">
        <h3 id="images-title">Face images</h3>
        <EnrolledImages subject={subject} onRemove={removeImage} />
      </section>
      <ImageEnrolment subjectId={subject.id} onEnrolled={reload} />
      <SubjectForm
        key={subject.updated_at}
        subject={subject}
        onSaved={(saved) => {
          setStatus({ kind: "ok", text: `Saved ${saved.name}.` });
          reload();
        }}
      />
    </section>
  );
}

function BackLink() {
  return (
    <p>
      <Link to={SUBJECTS_PATH}>← All people on the watchlist</Link>
    </p>
  );
}
