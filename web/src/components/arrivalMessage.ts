/**
 * A message one page hands to the page it navigates to, carried in the navigation state: e.g. an edit page
 * returns to its list saying "Saved Kalma Chowk.", a delete returns saying what was deleted.
 */
import { useCallback } from "react";
import { useLocation, useNavigate } from "react-router";

interface ArrivalState {
  message?: string;
}

/** Navigate to a path and have the page there say `message` (it reads it with `useArrivalMessage`). */
export function useNavigateWithMessage(): (path: string, message: string) => void {
  const navigate = useNavigate();
  return useCallback(
    (path: string, message: string) => {
      const state: ArrivalState = { message };
      void navigate(path, { state });
    },
    [navigate],
  );
}

/** The message the previous page sent along with the navigation here, or null. */
export function useArrivalMessage(): string | null {
  const { state } = useLocation();
  const message = typeof state === "object" && state !== null ? (state as ArrivalState).message : undefined;
  return typeof message === "string" ? message : null;
}
