import { useEffect, useState } from "react";
import { useAuth } from "../../../auth/AuthContext";

export type BlobState = { status: "loading" } | { status: "ready"; url: string } | { status: "failed" };

/** Media behind the bearer token, as an object URL for <img>/<video>; revoked when no longer shown. */
export function useBlobUrl(path: string): BlobState {
  const { client } = useAuth();
  const [state, setState] = useState<BlobState>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    let created: string | null = null;
    setState({ status: "loading" });
    client.blobUrl(path, controller.signal).then(
      (url) => {
        if (controller.signal.aborted) {
          URL.revokeObjectURL(url);
          return;
        }
        created = url;
        setState({ status: "ready", url });
      },
      () => {
        if (!controller.signal.aborted) setState({ status: "failed" });
      },
    );
    return () => {
      controller.abort();
      if (created) URL.revokeObjectURL(created);
    };
  }, [client, path]);
  return state;
}
