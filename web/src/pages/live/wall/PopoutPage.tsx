import { useEffect, useMemo } from "react";
import { useLocation } from "react-router";
import { useCameraRegistry } from "../../../api/useCameraRegistry";
import { useAuth } from "../../../auth/AuthContext";
import { VideoWall } from "./VideoWall";
import { specFromQuery } from "./wallLayout";
import { t } from "../../../i18n/catalogue";

/**
 * A wall in a window of its own (one per monitor of an operator desk), over everything else: the wall given in
 * its address, nothing to click but the tiles. An unattended screen, so it does not lock when idle.
 */
export default function PopoutPage() {
  const { holdIdleLock } = useAuth();
  const { search } = useLocation();
  const spec = useMemo(() => specFromQuery(search), [search]);
  const { cameras } = useCameraRegistry();
  useEffect(() => holdIdleLock(), [holdIdleLock]);
  useEffect(() => {
    document.title = `Video wall (${spec.layout}) · safecity`;
  }, [spec.layout]);

  return (
    <div className="wall-popout" data-testid="wall-popout">
      {cameras === null ? <p role="status">{t("live.wall.loadingCameras")}</p> : <VideoWall spec={spec} cameras={cameras} />}
    </div>
  );
}
