import { createContext, useCallback, useContext, type ReactNode } from "react";
import { useCameraRegistry } from "../../api/useCameraRegistry";

const CameraNames = createContext<ReadonlyMap<string, string>>(new Map());

/** Loads camera names once for the whole area, when the user may read the camera registry. */
export function CameraNamesProvider({ children }: { children: ReactNode }) {
  const { names } = useCameraRegistry();
  return <CameraNames.Provider value={names}>{children}</CameraNames.Provider>;
}

/** "Kalma Chowk (lhr-kalma-chowk)" when the camera is known, else the id. */
export function useCameraName(): (id: string) => string {
  const names = useContext(CameraNames);
  return useCallback(
    (id: string) => {
      const name = names.get(id);
      return name && name !== id ? `${name} (${id})` : id;
    },
    [names],
  );
}

/** A camera's name in a sentence or a table cell, as `useCameraName` words it. */
export function CameraName({ id }: { id: string }) {
  return <>{useCameraName()(id)}</>;
}
