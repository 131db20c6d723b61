import { useCallback, useEffect, useState, type RefObject } from "react";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { t } from "../../i18n/catalogue";

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
  const { cameras, names } = useCameraRegistry();
  const cameraName = useCallback((id: string | null) => (id === null ? t("alerts.noCamera") : (names.get(id) ?? id)), [names]);
  return { cameras, cameraName };
}

