import { mediaPath, useBlobUrl } from "../../../api/useBlobUrl";
import { ConfirmButton } from "../../../components/ConfirmButton";
import type { Subject, SubjectImage } from "../types";
import { t } from "../../../i18n/catalogue";

/** The subject's enrolled photos as thumbnails, each with its face quality and a remove button. */
export function EnrolledImages({
  subject,
  onRemove,
}: {
  subject: Subject;
  onRemove: (image: SubjectImage) => Promise<unknown>;
}) {
  if (subject.images.length === 0)
    return <p className="state">{t("watchlists.persons.noFaceImagesYet", { name: subject.name })}</p>;
  return (
    <ul className="wl-gallery" aria-label={t("watchlists.persons.enrolledImagesOf", { name: subject.name })}>
      {subject.images.map((image, index) => (
        <li key={image.id} className="wl-photo">
          <Thumbnail image={image} alt={t("watchlists.persons.enrolledImageOf", { number: index + 1, name: subject.name })} />
          <p className="muted wl-photo-caption">{qualityText(image)}</p>
          <p className="muted wl-photo-caption">
            {t("watchlists.persons.addedByOn", { added_by: image.added_by, slice: image.created_at.slice(0, 10) })}
          </p>
          <ConfirmButton
            small
            label={t("watchlists.persons.removeImage", { number: index + 1 })}
            question={t("watchlists.persons.removeThisImageAnd")}
            confirmLabel={t("watchlists.persons.removeImage2")}
            onConfirm={() => onRemove(image)}
          />
        </li>
      ))}
    </ul>
  );
}

function Thumbnail({ image, alt }: { image: SubjectImage; alt: string }) {
  const state = useBlobUrl(mediaPath(image.sha256));
  if (state.status === "ready") return <img className="wl-thumb" src={state.url} alt={alt} />;
  return (
    <div className="wl-thumb wl-thumb-missing" role="img" aria-label={alt}>
      {state.status === "failed" ? t("watchlists.persons.imageUnavailable", { error: state.error }) : t("watchlists.persons.loadingImage")}
    </div>
  );
}

export function qualityText(image: Pick<SubjectImage, "quality">): string {
  const { face_px, score } = image.quality;
  const parts = [
    typeof face_px === "number" ? t("watchlists.persons.facePxWide", { round: Math.round(face_px) }) : "",
    typeof score === "number" ? `quality ${score.toFixed(2)}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : t("watchlists.persons.noQualityReport");
}
