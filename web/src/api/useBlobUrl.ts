import { useEffect, useState } from "react";
import { useAuth } from "../auth/AuthContext";
import type { Purpose } from "../components/PurposeDialog";

export type BlobState =
  | { status: "none" }
  | { status: "loading" }
  | { status: "ready"; url: string }
  | { status: "failed"; error: string };

/**
 * The path of stored media (snapshots, crops, images) by its SHA-256. Face pictures and evidence files are
 * personal-data reads: the server wants the purpose (and case reference) the user gave, and audits it.
 */
export function mediaPath(sha256: string, purpose?: Purpose | null): string {
  const path = `/api/v1/media/${encodeURIComponent(sha256)}`;
  if (!purpose) return path;
  const query = new URLSearchParams({ purpose: purpose.purpose });
  if (purpose.caseRef) query.set("case_ref", purpose.caseRef);
  return `${path}?${query.toString()}`;
}

/**
 * A binary behind the bearer token (media, a PDF) as an object URL for <img>, <video> or a download link;
 * revoked when the path changes or the view goes. `null` path: nothing to show ("none"); `enabled` false
 * waits (e.g. until the row is on screen) without fetching; a new `attempt` fetches the same path again
 * (e.g. "Try again", or each purpose-bound view of an evidence file).
 */
export function useBlobUrl(path: string | null, enabled = true, attempt = 0): BlobState {
  const { client } = useAuth();
  const [state, setState] = useState<BlobState>({ status: path ? "loading" : "none" });
  useEffect(() => {
    if (!path) {
      setState({ status: "none" });
      return;
    }
    if (!enabled) return;
    const controller = new AbortController();
    let url: string | null = null;
    setState({ status: "loading" });
    client.blobUrl(path, controller.signal).then(
      (created) => {
        url = created;
        if (controller.signal.aborted) URL.revokeObjectURL(created);
        else setState({ status: "ready", url: created });
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ status: "failed", error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, path, enabled, attempt]);
  return state;
}
