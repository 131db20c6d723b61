import { useEffect, useState } from "react";
import { useAuth } from "../../auth/AuthContext";

/** A stored image (`/api/v1/media/{sha256}`) fetched with the bearer token; says so in words when it fails. */
export function MediaImage({ sha256, alt, className }: { sha256: string | null; alt: string; className?: string }) {
  const { client } = useAuth();
  const [state, setState] = useState<{ url: string } | "loading" | "failed">("loading");

  useEffect(() => {
    if (!sha256) return;
    const controller = new AbortController();
    let url: string | null = null;
    setState("loading");
    client.blobUrl(`/api/v1/media/${encodeURIComponent(sha256)}`, controller.signal).then(
      (created) => {
        url = created;
        if (controller.signal.aborted) URL.revokeObjectURL(created);
        else setState({ url: created });
      },
      () => {
        if (!controller.signal.aborted) setState("failed");
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, sha256]);

  if (!sha256) return <span className="muted">No image</span>;
  if (state === "loading") return <span className="muted">Loading image…</span>;
  if (state === "failed") return <span className="muted">Image not available</span>;
  return <img className={className} src={state.url} alt={alt} />;
}
