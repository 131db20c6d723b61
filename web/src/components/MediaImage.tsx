import { mediaPath, useBlobUrl } from "../api/useBlobUrl";
import type { Purpose } from "./PurposeDialog";
import { t } from "../i18n/catalogue";

/**
 * A stored image (`/api/v1/media/{sha256}`) fetched with the bearer token; says so in words when it fails.
 * Face pictures need the `purpose` the user gave (the server audits each read).
 */
export function MediaImage({
  sha256,
  alt,
  className,
  purpose,
}: {
  sha256: string | null;
  alt: string;
  className?: string;
  purpose?: Purpose | null;
}) {
  const state = useBlobUrl(sha256 ? mediaPath(sha256, purpose) : null);
  if (state.status === "none") return <span className="muted">{t("common.noImage")}</span>;
  if (state.status === "loading") return <span className="muted">{t("common.loadingImage")}</span>;
  if (state.status === "failed") return <span className="muted">{t("common.imageNotAvailable")}</span>;
  return <img className={className} src={state.url} alt={alt} />;
}
