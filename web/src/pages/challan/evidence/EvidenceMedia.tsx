import { evidenceKindLabel, formatTime } from "../labels";
import type { Evidence } from "../types";
import { useBlobUrl } from "../../../api/useBlobUrl";

interface ImageProps {
  item: Evidence;
  /** Every role this file plays, when it is filed more than once (defaults to its own kind). */
  kinds?: readonly string[];
  className?: string;
  alt?: string;
}

/** One evidence image with its caption (what it shows, when) and the hash it is filed under. */
export function EvidenceImage({ item, kinds = [item.kind], className, alt }: ImageProps) {
  const media = useBlobUrl(item.url);
  const label = kinds.map(evidenceKindLabel).join(" · ");
  return (
    <figure className={`challan-figure ${className ?? ""}`}>
      <div className="challan-figure-media">
        {media.status === "ready" ? (
          <img src={media.url} alt={alt ?? `${label}, ${formatTime(item.captured_at)}`} />
        ) : (
          <span className="muted">{media.status === "loading" ? "Loading image…" : "Image could not be loaded"}</span>
        )}
      </div>
      <figcaption>
        <strong>{label}</strong> <span className="muted">{formatTime(item.captured_at)}</span>
        <span className="challan-hash" title={item.sha256}>
          sha256 {item.sha256.slice(0, 12)}…
        </span>
      </figcaption>
    </figure>
  );
}

/** The violation's short video, played from an object URL. */
export function EvidenceClip({ item }: { item: Evidence }) {
  const media = useBlobUrl(item.url);
  return (
    <figure className="challan-figure challan-clip">
      <div className="challan-figure-media">
        {media.status === "ready" ? (
          <video src={media.url} controls preload="metadata" aria-label={`Video clip from ${formatTime(item.captured_at)}`} />
        ) : (
          <span className="muted">{media.status === "loading" ? "Loading clip…" : "Clip could not be loaded"}</span>
        )}
      </div>
      <figcaption>
        <strong>Video clip</strong> <span className="muted">starts {formatTime(item.captured_at)}</span>
        <span className="challan-hash" title={item.sha256}>
          sha256 {item.sha256.slice(0, 12)}…
        </span>
      </figcaption>
    </figure>
  );
}
