import { useMemo, useState, type FormEvent } from "react";
import { describeError } from "../../api/errors";
import type { LiveEvent } from "../../api/types";
import { useAuth } from "../../auth/AuthContext";
import type { LiveStatus } from "../../live/LiveSocket";
import { useLiveSocket } from "../../live/useLiveSocket";
import { dispatchApi } from "./api";

const DISPATCH_TOPICS = ["incident.*", "unit.*"];

/** The incident and unit events of the live socket, for as long as the view is mounted. */
export function useDispatchEvents(onEvent: (event: LiveEvent) => void): LiveStatus {
  return useLiveSocket(DISPATCH_TOPICS, onEvent);
}

export function useDispatchApi() {
  const { client } = useAuth();
  return useMemo(() => dispatchApi(client), [client]);
}

/**
 * A small form's submit (add a note, add a link): busy while `action` runs, then its refusal in words.
 * `action` clears the form and reports the change itself once the server has taken it.
 */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
