import { useId } from "react";
import { ApiError } from "../../api/client";
import { describeError } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FieldError } from "../../components/FormField";
import { FileField, useFileChoice } from "../../components/forms/FileField";
import { MediaImage } from "../../components/MediaImage";
import { SubmitActions } from "../../components/SubmitActions";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { usePersonsPurpose } from "./purpose";
import type { Person } from "./types";

/** The server's reason for refusing a photo (no face, several faces, too small...), else the refusal in words. */
export function photoRefusal(caught: unknown): string {
  if (caught instanceof ApiError) {
    const about = caught.problems.filter((problem) => problem.field === "photo").map((problem) => problem.message);
    if (about.length) return about.join("; ");
  }
  return describeError(caught);
}

/** The record's photos (each enrolled on the face watchlist) and an upload that shows why a photo is refused. */
export function PhotosPanel({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { client, can } = useAuth();
  const purpose = usePersonsPurpose();
  const photo = useFileChoice(t("persons.photos.choose"));
  const upload = useMutation(
    (chosen: File) => {
      const form = new FormData();
      form.append("photo", chosen, chosen.name);
      return client.POST("/api/v1/persons/{person_id}/photos", {
        params: { path: { person_id: person.id } },
        body: form as never,
      });
    },
    {
      describe: photoRefusal,
      onSuccess: () => {
        photo.clear();
        onChanged();
      },
    },
  );
  const remove = useMutation(
    (photoId: number) =>
      client.DELETE("/api/v1/persons/{person_id}/photos/{photo_id}", {
        params: { path: { person_id: person.id, photo_id: photoId } },
      }),
    { onSuccess: onChanged },
  );
  const manage = can(Permission.PERSONS_MANAGE);
  const id = useId();
  const submit = photo.onSubmit(([chosen]) => void upload.run(chosen));

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("persons.photos.title")}</h3>
      {person.photos.length === 0 ? <p className="muted">{t("persons.photos.none")}</p> : null}
      <ul className="persons-photos" data-testid="person-photos">
        {person.photos.map((photo, index) => (
          <li key={photo.id}>
            <MediaImage
              sha256={photo.sha256}
              purpose={purpose}
              className="persons-photo"
              alt={t("persons.photos.alt", { n: index + 1, name: person.name })}
            />
            <span className="muted">{t("persons.photos.added", { by: photo.added_by, at: formatDateTime(photo.created_at) })}</span>
            {manage ? (
              <ConfirmButton
                small
                label={t("persons.photos.remove", { n: index + 1 })}
                text={t("persons.remove")}
                question={t("persons.photos.removeQuestion")}
                confirmLabel={t("persons.remove")}
                cancelLabel={t("persons.cancel")}
                onConfirm={() => remove.run(photo.id)}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {remove.error ? <FieldError>{remove.error}</FieldError> : null}
      {manage ? (
        <form onSubmit={submit} noValidate>
          <FileField
            choice={photo}
            label={t("persons.photos.file")}
            hint={t("persons.photos.hint")}
            accept="image/jpeg,image/png"
            error={upload.error}
            onChoose={upload.reset}
          />
          <SubmitActions label={t("persons.photos.upload")} busyLabel={t("persons.photos.uploading")} busy={upload.busy} />
        </form>
      ) : null}
    </section>
  );
}
