import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";

/** One camera from the registry, for its edit and scene pages. */
export function useCamera(cameraId: string) {
  const { client } = useAuth();
  return useResource(
    (signal) => client.GET("/api/v1/cameras/{camera_id}", { params: { path: { camera_id: cameraId } }, signal }),
    [client, cameraId],
  );
}
