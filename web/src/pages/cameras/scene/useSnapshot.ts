import { useCallback, useEffect, useState } from "react";
import { ApiError, type ApiClient } from "../../../api/client";

export type Snapshot =
  | { status: "loading" }
  | { status: "ready"; url: string }
  | { status: "missing" }
  | { status: "error"; message: string };

/** The camera's latest picture as an object URL (revoked when replaced or on leaving the page). */
export function useSnapshot(client: ApiClient, cameraId: string) {
  const [snapshot, setSnapshot] = useState<Snapshot>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    // The one untyped call: an image, fetched with the bearer token for an <img>.
    client.blobUrl(`/api/v1/cameras/${encodeURIComponent(cameraId)}/snapshot.jpg`, controller.signal).then(
      (loaded) => {
        url = loaded;
        if (controller.signal.aborted) URL.revokeObjectURL(loaded);
        else setSnapshot({ status: "ready", url: loaded });
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        if (caught instanceof ApiError && caught.status === 404) setSnapshot({ status: "missing" });
        else setSnapshot({ status: "error", message: caught instanceof Error ? caught.message : String(caught) });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, cameraId, generation]);

  return { snapshot, refresh };
}
