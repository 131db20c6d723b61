import { useEffect, useState } from "react";
import { ApiError, problemFor } from "../../../api/client";
import type { Schemas } from "../../../api/schemas";
import { useAuth } from "../../../auth/AuthContext";
import { requestAfterPause } from "../../../hooks/requestAfterPause";

/** What the server stores for a typed plate and the key reads are matched on. */
export type PlateKey = Schemas["PlateKeyOut"];

/** The longest plate a hotlist entry takes (the route's and `EntryIn.plate`'s limit). */
export const MAX_PLATE_LENGTH = 32;

export type PlateKeyState =
  | { status: "empty" }
  | { status: "checking" }
  | { status: "ok"; answer: PlateKey }
  | { status: "invalid"; error: string }
  /** The server could not be asked (offline, an older server without the route): no preview. */
  | { status: "unknown" };

/**
 * The server's own reading of a typed plate, asked `delayMs` after the typing stops (so not once per
 * key) and forgotten when the text changes. The rules live only on the server (`safecity.anpr.keys`).
 */
export function usePlateKey(typed: string, delayMs = 300): PlateKeyState {
  const { client } = useAuth();
  const plate = typed.trim();
  const [state, setState] = useState<PlateKeyState>({ status: plate ? "checking" : "empty" });
  useEffect(() => {
    if (!plate) {
      setState({ status: "empty" });
      return;
    }
    setState({ status: "checking" });
    return requestAfterPause(delayMs, (signal) => {
      client.GET("/api/v1/plates/key", { params: { query: { plate } }, signal }).then(
        (answer) => {
          if (!signal.aborted) setState({ status: "ok", answer });
        },
        (caught: unknown) => {
          if (signal.aborted) return;
          if (caught instanceof ApiError && caught.status === 422)
            setState({ status: "invalid", error: problemFor(caught, "plate") ?? caught.detail });
          else setState({ status: "unknown" });
        },
      );
    });
  }, [client, plate, delayMs]);
  return state;
}
