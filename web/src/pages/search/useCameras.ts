import { useCallback, useMemo } from "react";
import { useCameraRegistry } from "../../api/useCameraRegistry";

/** The camera registry for the camera filters and for names in results (ids when it is not readable). */
export function useCameras() {
  const { cameras: loaded, names } = useCameraRegistry();
  const cameras = useMemo(() => loaded ?? [], [loaded]);
  const cameraName = useCallback((id: string | null) => (id ? (names.get(id) ?? id) : "Unknown camera"), [names]);
  return { cameras, cameraName };
}
