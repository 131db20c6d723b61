import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";

/** One violation with its evidence. Opening a violation also makes the server try to cut its pending clip. */
export function useViolation(violationId: string) {
  const { client } = useAuth();
  return useResource(
    (signal) =>
      client.GET("/api/v1/challan/violations/{violation_id}", {
        params: { path: { violation_id: violationId } },
        signal,
      }),
    [client, violationId],
  );
}
