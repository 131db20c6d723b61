import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { usePurposeQuery } from "./purpose";

/** One record (CNIC masked), read for the visit's purpose. */
export function usePerson(personId: number) {
  const { client } = useAuth();
  const purpose = usePurposeQuery();
  return useResource(
    (signal) =>
      client.GET("/api/v1/persons/{person_id}", { params: { path: { person_id: personId }, query: purpose }, signal }),
    [client, personId, purpose.purpose, purpose.case_ref],
  );
}
