import type { ApiClient } from "../../api/client";

/** The MJPEG live view of a camera for an <img>, optionally with the worker's detection overlay. */
export function liveViewUrl(client: ApiClient, cameraId: string, overlay: boolean): string {
  return client.urlWithToken(`/api/v1/cameras/${encodeURIComponent(cameraId)}/mjpeg`, overlay ? { overlay: true } : {});
}
