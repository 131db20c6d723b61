import { mediaPath, useBlobUrl } from "../../../api/useBlobUrl";
import { ConfirmButton } from "../../../components/ConfirmButton";
import type { Subject, SubjectImage } from "../types";

/** The subject's enrolled photos as thumbnails, each with its face quality and a remove button. */
export function EnrolledImages({
  subject,
  onRemove,
}: {
  subject: Subject;
  onRemove: (image: SubjectImage) => Promise<unknown>;
}) {
  if (subject.images.length === 0)
    return <p className="state">No face images yet: live cameras cannot match {subject.name} until one is enrolled.</p>;
  return (
    <ul className="wl-gallery" aria-label={`Enrolled images of ${subject.name}`}>
      {subject.images.map((image, index) => (
        <li key={image.id} className="wl-photo">
          <Thumbnail image={image} alt={`Enrolled image ${index + 1} of ${subject.name}`} />
          <p className="muted wl-photo-caption">{qualityText(image)}</p>
          <p className="muted wl-photo-caption">
            Added by {image.added_by} on {image.created_at.slice(0, 10)}
          </p>
          <ConfirmButton
            small
            label={`Remove image ${index + 1}`}
            question="Remove this image and its face vector?"
            confirmLabel="Remove image"
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
      {state.status === "failed" ? `Image unavailable: ${state.error}` : "Loading image…"}
    </div>
  );
}

export function qualityText(image: Pick<SubjectImage, "quality">): string {
  const { face_px, score } = image.quality;
  const parts = [
    typeof face_px === "number" ? `face ${Math.round(face_px)} px wide` : "",
    typeof score === "number" ? `quality ${score.toFixed(2)}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "No quality report";
}
