import { useCallback, useMemo } from "react";
import type { Camera } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";

/** The camera registry for the camera filters and for names in results (ids when it is not readable). */
export function useCameras() {
  const { client, can } = useAuth();
  const canRead = can(Permission.CAMERAS_READ);
  const { resource } = useResource<Camera[]>(
    (signal) => (canRead ? client.get<Camera[]>("/api/v1/cameras", { signal }) : Promise.resolve([])),
    [client, canRead],
  );
  const cameras = useMemo(() => resource.data ?? [], [resource.data]);
  const names = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera.name])), [cameras]);
  const cameraName = useCallback((id: string | null) => (id ? (names.get(id) ?? id) : "Unknown camera"), [names]);
  return { cameras, cameraName };
}
