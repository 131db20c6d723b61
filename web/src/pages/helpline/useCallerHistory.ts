import { useEffect, useState } from "react";
import { useAuth } from "../../auth/AuthContext";
import { requestAfterPause } from "../../hooks/requestAfterPause";
import type { Call } from "./call";

const DEBOUNCE_MS = 400;

/** The caller's earlier calls (`GET /api/v1/calls/by-caller`), asked once typing pauses; null before a number. */
export function useCallerHistory(number: string, refreshes: number): { calls: Call[] | null; error: string | null } {
  const { client } = useAuth();
  const [state, setState] = useState<{ calls: Call[] | null; error: string | null }>({ calls: null, error: null });
  const digits = number.replace(/\D/g, "");
  useEffect(() => {
    if (digits.length < 3) {
      setState({ calls: null, error: null });
      return;
    }
    return requestAfterPause(DEBOUNCE_MS, (signal) => {
      client.GET("/api/v1/calls/by-caller", { params: { query: { number: digits, limit: 20 } }, signal }).then(
        (calls) => setState({ calls, error: null }),
        (caught: unknown) => {
          if (!signal.aborted) setState({ calls: null, error: caught instanceof Error ? caught.message : String(caught) });
        },
      );
    });
  }, [client, digits, refreshes]);
  return state;
}
