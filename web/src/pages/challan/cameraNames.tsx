import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import type { Camera } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";

const CameraNames = createContext<ReadonlyMap<string, string>>(new Map());

/** Loads camera names once for the whole area, when the user may read the camera registry. */
export function CameraNamesProvider({ children }: { children: ReactNode }) {
  const { client, can } = useAuth();
  const allowed = can(Permission.CAMERAS_READ);
  const { resource } = useResource<Camera[]>(
    (signal) => (allowed ? client.get<Camera[]>("/api/v1/cameras", { signal }) : Promise.resolve([])),
    [client, allowed],
  );
  const names = useMemo(() => new Map((resource.data ?? []).map((camera) => [camera.id, camera.name])), [resource.data]);
  return <CameraNames.Provider value={names}>{children}</CameraNames.Provider>;
}

/** "Kalma Chowk (lhr-kalma-chowk)" when the camera is known, else the id. */
export function useCameraName(): (id: string) => string {
  const names = useContext(CameraNames);
  return useCallback(
    (id: string) => {
      const name = names.get(id);
      return name && name !== id ? `${name} (${id})` : id;
    },
    [names],
  );
}
