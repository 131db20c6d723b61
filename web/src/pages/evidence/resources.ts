/** Reads shared by the case and item views. */
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";

/** The items of a case (their metadata: reading it needs no purpose, unlike opening a file). */
export function useCaseItems(caseId: number) {
  const { client } = useAuth();
  return useResource(
    (signal) => client.GET("/api/v1/evidence/items", { params: { query: { case_id: caseId } }, signal }),
    [client, caseId],
  );
}

/** An item's chain of custody with the server's integrity verdict. */
export function useCustody(itemId: number) {
  const { client } = useAuth();
  return useResource(
    (signal) => client.GET("/api/v1/evidence/items/{item_id}/custody", { params: { path: { item_id: itemId } }, signal }),
    [client, itemId],
  );
}
