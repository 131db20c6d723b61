import { evidenceKindLabel, formatTime } from "../labels";
import type { Evidence } from "../types";
import { useBlobUrl } from "../../../api/useBlobUrl";
import { t } from "../../../i18n/catalogue";

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
          <span className="muted">{media.status === "loading" ? t("challan.evidence.loadingImage") : t("challan.evidence.imageCouldNotBe")}</span>
        )}
      </div>
      <figcaption>
        <strong>{label}</strong> <span className="muted">{formatTime(item.captured_at)}</span>
        <span className="challan-hash" title={item.sha256}>
          {t("challan.evidence.sha256", { slice: item.sha256.slice(0, 12) })}
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
          <video src={media.url} controls preload="metadata" aria-label={t("challan.evidence.videoClipFrom", { time: formatTime(item.captured_at) })} />
        ) : (
          <span className="muted">{media.status === "loading" ? t("challan.evidence.loadingClip") : t("challan.evidence.clipCouldNotBe")}</span>
        )}
      </div>
      <figcaption>
        <strong>{t("challan.evidence.videoClip")}</strong> <span className="muted">{t("challan.evidence.starts", { time: formatTime(item.captured_at) })}</span>
        <span className="challan-hash" title={item.sha256}>
          {t("challan.evidence.sha256", { slice: item.sha256.slice(0, 12) })}
        </span>
      </figcaption>
    </figure>
  );
}
