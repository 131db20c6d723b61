/**
 * For an effect that asks the server about what is being typed: calls `request(signal)` once `delayMs` pass
 * (so not once per key) and returns the effect's cleanup, which cancels the wait and aborts the request.
 */
export function requestAfterPause(delayMs: number, request: (signal: AbortSignal) => void): () => void {
  const controller = new AbortController();
  const timer = setTimeout(() => request(controller.signal), delayMs);
  return () => {
    clearTimeout(timer);
    controller.abort();
  };
}
