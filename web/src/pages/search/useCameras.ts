import { useCallback, useMemo } from "react";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { t } from "../../i18n/catalogue";

/** The camera registry for the camera filters and for names in results (ids when it is not readable). */
export function useCameras() {
  const { cameras: loaded, names } = useCameraRegistry();
  const cameras = useMemo(() => loaded ?? [], [loaded]);
  const cameraName = useCallback((id: string | null) => (id ? (names.get(id) ?? id) : t("search.unknownCamera")), [names]);
  return { cameras, cameraName };
}
