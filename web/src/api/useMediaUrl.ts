import { useCallback, useEffect, useState } from "react";
import type { ApiClient, Query } from "./client";

/**
 * The URL of a stream the browser loads itself (an MJPEG <img>), carrying a short-lived media ticket instead of
 * the access token; null while the ticket is fetched. The URL stays the same while the stream plays (a ticket
 * is only checked when a stream opens); `retry()` fetches a fresh ticket, e.g. from the <img>'s onError.
 */
export function useMediaUrl(
  client: ApiClient,
  path: string | null,
  query: Query = {},
): { url: string | null; failed: boolean; retry: () => void } {
  const queryKey = JSON.stringify(query);
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!path) {
      setState({ url: null, failed: false });
      return;
    }
    let live = true;
    client.mediaUrl(path, JSON.parse(queryKey) as Query).then(
      (url) => live && setState({ url, failed: false }),
      () => live && setState({ url: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [client, path, queryKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
