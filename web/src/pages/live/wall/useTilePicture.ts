import { useEffect, useState } from "react";
import type { ApiClient } from "../../../api/client";
import { ApiError } from "../../../api/client";
import { t } from "../../../i18n/catalogue";

export type TilePicture = { state: "loading" } | { state: "ok"; url: string } | { state: "none"; reason: string };

/**
 * A wall tile's picture: the camera's newest snapshot scaled to the tile (`width`), read again `fps` times a second
 * at most, each read only after the last picture arrived. So a tile never receives more than it shows, holds no
 * stream open (a 16-tile wall fits in the browser's six connections per server) and sends its bearer token in a
 * header, never in the URL. Paused while the window is hidden.
 */
export function useTilePicture(client: ApiClient, cameraId: string | null, width: number, fps: number): TilePicture {
  const [picture, setPicture] = useState<TilePicture>({ state: "loading" });

  useEffect(() => {
    if (!cameraId) return;
    const abort = new AbortController();
    let shown: string | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const path = `/api/v1/cameras/${encodeURIComponent(cameraId)}/snapshot.jpg?width=${width}&live=true`;

    const next = (delay: number) => {
      timer = setTimeout(read, delay);
    };
    const read = async () => {
      if (document.hidden) return next(1000);
      const started = Date.now();
      try {
        const url = await client.blobUrl(path, abort.signal);
        if (abort.signal.aborted) return URL.revokeObjectURL(url);
        if (shown) URL.revokeObjectURL(shown);
        shown = url;
        setPicture({ state: "ok", url });
      } catch (caught) {
        if (abort.signal.aborted) return;
        const reason = caught instanceof ApiError && caught.status === 404 ? t("live.wall.noPictureYet") : t("live.wall.noLiveVideo");
        setPicture((previous) => (previous.state === "ok" ? previous : { state: "none", reason }));
      }
      next(Math.max(0, 1000 / fps - (Date.now() - started)));
    };
    setPicture({ state: "loading" });
    void read();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
      if (shown) URL.revokeObjectURL(shown);
    };
  }, [client, cameraId, width, fps]);

  return cameraId ? picture : { state: "none", reason: t("live.wall.emptyTile") };
}
