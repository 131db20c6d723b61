import { useId, useState } from "react";
import { useMutation } from "../../../api/useMutation";
import { useAuth } from "../../../auth/AuthContext";
import { FileField, useFileChoice } from "../../../components/forms/FileField";
import { SubmitActions } from "../../../components/SubmitActions";
import { formErrorsOf } from "../shared/apiErrors";
import { t } from "../../../i18n/catalogue";

export type EnrolmentOutcome =
  | { fileName: string; enrolled: true; notes: string[] }
  | { fileName: string; enrolled: false; reason: string };

/** The server's refusal in words: the quality gate's reason (no face, several faces, too small...). */
export function refusalReason(caught: unknown): string {
  return Object.values(formErrorsOf(caught, ["file"])).join(" ");
}

/**
 * Upload example photos of a subject. Each file is enrolled on its own, so one refused photo (no usable
 * face) does not stop the others, and each outcome is listed with the server's reason.
 */
export function ImageEnrolment({ subjectId, onEnrolled }: { subjectId: string; onEnrolled: () => void }) {
  const { client } = useAuth();
  const photos = useFileChoice(t("watchlists.persons.chooseOneOrMore"), { focusWhenMissing: true });
  const [outcomes, setOutcomes] = useState<EnrolmentOutcome[]>([]);
  const enrolOne = (file: File): Promise<EnrolmentOutcome> => {
    const form = new FormData();
    form.append("file", file, file.name);
    return client
      .POST("/api/v1/watchlists/persons/{subject_id}/images", { params: { path: { subject_id: subjectId } }, body: form as never })
      .then(
        (enrolled): EnrolmentOutcome => ({ fileName: file.name, enrolled: true, notes: enrolled.notes }),
        (caught: unknown): EnrolmentOutcome => ({ fileName: file.name, enrolled: false, reason: refusalReason(caught) }),
      );
  };
  const enrol = useMutation(
    async (chosen: File[]) => {
      const results: EnrolmentOutcome[] = [];
      for (const file of chosen) {
        results.push(await enrolOne(file));
        setOutcomes([...results]);
      }
      return results;
    },
    {
      onSuccess: (results) => {
        if (results.some((r) => r.enrolled)) onEnrolled();
      },
    },
  );
  const id = useId();
  const titleId = `${id}-title`;
  const refused = outcomes.filter((o) => !o.enrolled);

  const submit = photos.onSubmit((chosen) => {
    setOutcomes([]);
    void enrol.run(chosen);
  });

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{t("watchlists.persons.enrolFaceImages")}</h3>
      <FileField
        choice={photos}
        label={t("watchlists.persons.facePhotosJpegOr")}
        hint={t("watchlists.persons.exactlyOneClearFrontal")}
        accept="image/jpeg,image/png"
        multiple
        refusals={refused.length ? `${id}-outcomes` : undefined}
      />
      <SubmitActions label={t("watchlists.persons.enrolImages")} busyLabel={t("watchlists.persons.enrolling")} busy={enrol.busy} />
      <div role="status" aria-live="polite" id={`${id}-outcomes`} data-testid="enrolment-outcomes">
        {outcomes.length > 0 ? (
          <ul className="wl-outcomes">
            {outcomes.map((outcome, index) => (
              <li key={`${index}-${outcome.fileName}`} className={outcome.enrolled ? "state-ok" : "state-error"}>
                {outcome.enrolled
                  ? t("watchlists.persons.enrolled", { fileName: outcome.fileName, value: outcome.notes.length ? ` ${outcome.notes.join(" ")}` : "" })
                  : t("watchlists.persons.refused", { fileName: outcome.fileName, reason: outcome.reason })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </form>
  );
}
