import { useState } from "react";
import { useParams } from "react-router";
import { useMutation } from "../../../api/useMutation";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { useNavigateWithMessage } from "../../../components/arrivalMessage";
import { formErrorsOf } from "../shared/apiErrors";
import { expiryText } from "../shared/expiry";
import { BackLink, DetailHead, NotLoaded } from "../shared/DetailParts";
import { StatusLine, type Status } from "../shared/StatusLine";
import { SUBJECTS_PATH } from "../paths";
import { subjectCategoryLabel, type Subject, type SubjectImage } from "../types";
import { EnrolledImages } from "./EnrolledImages";
import { ImageEnrolment } from "./ImageEnrolment";
import { SubjectForm } from "./SubjectForm";
import { subjectStatus } from "./subjectStatus";
import { t } from "../../../i18n/catalogue";

function errorText(caught: unknown): string {
  return Object.values(formErrorsOf(caught, [])).join(" ");
}

/** One watchlist subject: details (edit, delete) and face images (enrol, remove). */
export function SubjectDetail() {
  const { subjectId = "" } = useParams();
  const { client } = useAuth();
  const navigateWithMessage = useNavigateWithMessage();
  const subjectPath = { path: { subject_id: subjectId } };
  const { resource, reload } = useResource(
    (signal) => client.GET("/api/v1/watchlists/persons/{subject_id}", { params: subjectPath, signal }),
    [client, subjectId],
  );
  const [status, setStatus] = useState<Status | null>(null);
  const subject = resource.data;
  const deleteSubject = useMutation(
    (deleted: Subject) => client.DELETE("/api/v1/watchlists/persons/{subject_id}", { params: { path: { subject_id: deleted.id } } }),
    {
      onSuccess: (_, deleted) =>
        navigateWithMessage(SUBJECTS_PATH, t("watchlists.persons.deletedAndTheirFace", { name: deleted.name, id: deleted.id })),
      onError: (caught) => setStatus({ kind: "error", text: errorText(caught) }),
    },
  );
  const removeImage = useMutation(
    (of: Subject, image: SubjectImage) =>
      client.DELETE("/api/v1/watchlists/persons/{subject_id}/images/{image_id}", {
        params: { path: { subject_id: of.id, image_id: image.id } },
      }),
    {
      onSuccess: (_, of) => {
        setStatus({ kind: "ok", text: t("watchlists.persons.removedAnImageOf", { name: of.name }) });
        reload();
      },
      onError: (caught) => setStatus({ kind: "error", text: t("watchlists.persons.couldNotRemoveThe", { errorText: errorText(caught) }) }),
    },
  );

  const back = { to: SUBJECTS_PATH, label: t("watchlists.persons.allPeopleOnThe") };
  if (!subject) return <NotLoaded back={back} resource={resource} what={t("watchlists.persons.thisWatchlistSubject")} />;

  return (
    <section aria-labelledby="subject-title">
      <BackLink {...back} />
      <DetailHead
        titleId="subject-title"
        title={subject.name}
        deleteLabel={t("watchlists.persons.deletePerson")}
        question={t("watchlists.persons.deleteAndAllTheir", { name: subject.name })}
        onDelete={() => deleteSubject.run(subject)}
      />
      <p className="muted" data-testid="subject-summary">
        {t("watchlists.persons.addedBy", { id: subject.id, category: subjectCategoryLabel(subject.category), expiryText: expiryText(subject.expires_at, subject.expired), text: subjectStatus(subject).text, created_by: subject.created_by })}
      </p>
      <StatusLine status={status} testId="subject-status" />
      <section className="card" aria-labelledby="images-title">
        <h3 id="images-title">{t("watchlists.persons.faceImages")}</h3>
        <EnrolledImages subject={subject} onRemove={(image) => removeImage.run(subject, image)} />
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
