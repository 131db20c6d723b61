import { useId, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import { describeError } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormField, FieldError } from "../../components/FormField";
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
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
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
        setFile(null);
        if (inputRef.current) inputRef.current.value = "";
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(t("persons.photos.choose"));
      return;
    }
    setMissing(null);
    void upload.run(file);
  };

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
          <FormField id={`${id}-file`} label={t("persons.photos.file")} hint={t("persons.photos.hint")} error={missing ?? upload.error}>
            {(control) => (
              <input
                {...control}
                ref={inputRef}
                type="file"
                accept="image/jpeg,image/png"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setMissing(null);
                  upload.reset();
                }}
              />
            )}
          </FormField>
          <SubmitActions label={t("persons.photos.upload")} busyLabel={t("persons.photos.uploading")} busy={upload.busy} />
        </form>
      ) : null}
    </section>
  );
}
