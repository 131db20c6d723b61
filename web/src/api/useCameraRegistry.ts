import { useMemo } from "react";
import { useAuth } from "../auth/AuthContext";
import { Permission } from "../auth/permissions";
import type { Camera } from "./types";
import { useResource } from "./useResource";

/**
 * The camera registry (GET /api/v1/cameras) and its id → name lookup, for pages that show camera names.
 * `cameras` is null until loaded, and stays null when the role may not read cameras (names is then empty).
 */
export function useCameraRegistry(): { cameras: Camera[] | null; names: ReadonlyMap<string, string> } {
  const { client, can } = useAuth();
  const mayRead = can(Permission.CAMERAS_READ);
  const { resource } = useResource(
    (signal) => (mayRead ? client.GET("/api/v1/cameras", { signal }) : Promise.resolve(null)),
    [client, mayRead],
  );
  const cameras = resource.status === "ready" ? resource.data : null;
  const names = useMemo(() => new Map((cameras ?? []).map((camera) => [camera.id, camera.name])), [cameras]);
  return { cameras, names };
}
