import type { Schemas } from "../../api/schemas";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import type { EvidenceCase } from "./types";

/** What a control that changes the case is given: the case, and where the updated case goes. */
export interface CaseChangeProps {
  theCase: EvidenceCase;
  onChanged: (updated: EvidenceCase) => void;
}

/**
 * A change to the case (its status or details), sent as a PATCH: once it succeeded, `saved` runs with the
 * change (e.g. to say what was done), then the page gets the updated case.
 */
export function useCaseUpdate(
  { theCase, onChanged }: CaseChangeProps,
  saved: (change: Schemas["CaseUpdate"]) => void,
) {
  const { client } = useAuth();
  return useMutation(
    (change: Schemas["CaseUpdate"]) =>
      client.PATCH("/api/v1/evidence/cases/{case_id}", { params: { path: { case_id: theCase.id } }, body: change }),
    {
      onSuccess: (updated, change) => {
        saved(change);
        onChanged(updated);
      },
    },
  );
}
