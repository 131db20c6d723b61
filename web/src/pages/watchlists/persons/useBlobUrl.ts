import { useEffect, useState } from "react";
import type { ApiClient } from "../../../api/client";

export type BlobState = { status: "loading" } | { status: "ready"; url: string } | { status: "failed"; error: string };

/** An authenticated image as an object URL for <img>, revoked when the path changes or the view goes. */
export function useBlobUrl(client: ApiClient, path: string): BlobState {
  const [state, setState] = useState<BlobState>({ status: "loading" });
  useEffect(() => {
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
  }, [client, path]);
  return state;
}
