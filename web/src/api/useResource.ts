import { useCallback, useEffect, useState } from "react";
import { ApiError } from "./client";

export type Resource<T> =
  | { status: "loading"; data: T | null }
  | { status: "ready"; data: T }
  | { status: "unavailable"; data: null }
  | { status: "error"; data: T | null; error: string };

/** Load data once (and on `reload`). A 404 means "this server does not offer it yet", not an error. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading", data: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setResource((previous) => ({ status: "loading", data: previous.data }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: "ready", data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.notAvailable) setResource({ status: "unavailable", data: null });
        else
          setResource((previous) => ({
            status: "error",
            data: previous.data,
            error: error instanceof Error ? error.message : String(error),
          }));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callers list what `load` depends on
  }, [...deps, generation]);

  return { resource, reload, setResource };
}
