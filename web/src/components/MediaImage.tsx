import { mediaPath, useBlobUrl } from "../api/useBlobUrl";

/** A stored image (`/api/v1/media/{sha256}`) fetched with the bearer token; says so in words when it fails. */
export function MediaImage({ sha256, alt, className }: { sha256: string | null; alt: string; className?: string }) {
  const state = useBlobUrl(sha256 ? mediaPath(sha256) : null);
  if (state.status === "none") return <span className="muted">No image</span>;
  if (state.status === "loading") return <span className="muted">Loading image…</span>;
  if (state.status === "failed") return <span className="muted">Image not available</span>;
  return <img className={className} src={state.url} alt={alt} />;
}
