/** The MJPEG live view of a camera (path and query for useMediaUrl), optionally with the worker's detection overlay. */
export function liveViewPath(cameraId: string): string {
  return `/api/v1/cameras/${encodeURIComponent(cameraId)}/mjpeg`;
}

export function liveViewQuery(overlay: boolean, extra: Record<string, number> = {}): Record<string, string | number | boolean> {
  return overlay ? { overlay: true, ...extra } : { ...extra };
}
