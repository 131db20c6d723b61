import { useCallback, useRef, useState } from "react";
import { describeError, type ErrorWords } from "./errors";

export interface MutationOptions<A extends unknown[], R> {
  /** Runs after the action succeeded, with its result and the arguments `run` was given. */
  onSuccess?: (result: R, ...args: A) => void;
  /** The page's words for a 409 or a missing route (see describeError), fixed or for the run's arguments. */
  words?: ErrorWords | ((...args: A) => ErrorWords);
  /** How a failure reads instead of describeError's words. */
  describe?: (caught: unknown, ...args: A) => string;
  /** Runs after the action failed, e.g. to place the failure beside a field or in a shared status line. */
  onError?: (caught: unknown, ...args: A) => void;
}

export interface Mutation<A extends unknown[]> {
  /** True while the action runs; a second `run` meanwhile is ignored. */
  busy: boolean;
  /** The last failure in words (or the message given to `fail`); null when the last run succeeded. */
  error: string | null;
  /** The last failure as thrown (an ApiError for a refusal), for messages beside fields (formErrors). */
  failure: unknown;
  /** Runs the action; resolves true when it succeeded. Never rejects: a failure lands in `error`. */
  run: (...args: A) => Promise<boolean>;
  /** Shows a message found before calling the server (e.g. "Choose an incident type."). */
  fail: (message: string) => void;
  reset: () => void;
}

/** A server action behind a button or a form: the busy flag and its failure, in one place. */
export function useMutation<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  options: MutationOptions<A, R> = {},
): Mutation<A> {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ error: string | null; failure: unknown }>({ error: null, failure: null });
  const latest = useRef({ action, options });
  latest.current = { action, options };
  const running = useRef(false);

  const run = useCallback(async (...args: A) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setOutcome({ error: null, failure: null });
    const { action: act, options: opts } = latest.current;
    try {
      const result = await act(...args);
      opts.onSuccess?.(result, ...args);
      return true;
    } catch (caught) {
      const words = typeof opts.words === "function" ? opts.words(...args) : opts.words;
      const error = opts.describe ? opts.describe(caught, ...args) : describeError(caught, words);
      setOutcome({ error, failure: caught });
      opts.onError?.(caught, ...args);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const fail = useCallback((message: string) => setOutcome({ error: message, failure: null }), []);
  const reset = useCallback(() => setOutcome({ error: null, failure: null }), []);
  return { busy, error: outcome.error, failure: outcome.failure, run, fail, reset };
}
