import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import type { Camera } from "../../api/types";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";

/** The current time, refreshed every `everyMs`, so ages ("4 min") stay true on a screen left open. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** True once the element has been on screen (always true where IntersectionObserver is missing). */
export function useSeen(ref: RefObject<Element | null>): boolean {
  const [seen, setSeen] = useState(typeof IntersectionObserver === "undefined");
  useEffect(() => {
    if (seen || !ref.current) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
    });
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
}

/** Camera names for ids (GET /api/v1/cameras when the role may read cameras; ids otherwise). */
export function useCameraNames() {
  const { client, can } = useAuth();
  const mayRead = can(Permission.CAMERAS_READ);
  const { resource } = useResource(
    (signal) => (mayRead ? client.get<Camera[]>("/api/v1/cameras", { signal }) : Promise.resolve(null)),
    [client, mayRead],
  );
  const cameras = resource.status === "ready" ? resource.data : null;
  const names = useMemo(() => new Map((cameras ?? []).map((c) => [c.id, c.name])), [cameras]);
  const cameraName = useCallback((id: string | null) => (id === null ? "No camera" : (names.get(id) ?? id)), [names]);
  return { cameras, cameraName };
}

