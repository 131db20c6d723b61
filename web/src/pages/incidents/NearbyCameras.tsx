import { formatDistance } from "./time";
import type { NearbyCamera } from "./types";
import { TableHead } from "../../components/TableHead";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { t } from "../../i18n/catalogue";

/** Cameras near the incident; `moment` (when it happened) adds a link to each camera's video of then. */
export function NearbyCameras({ cameras, moment }: { cameras: NearbyCamera[]; moment?: string }) {
  if (cameras.length === 0) return <p className="state">{t("incidents.noCamerasRegisteredNear")}</p>;
  return (
    <table className="table" data-testid="nearby-cameras">
      <TableHead columns={moment ? [t("incidents.camera"), t("incidents.distance"), t("incidents.health"), t("incidents.video")] : [t("incidents.camera"), t("incidents.distance"), t("incidents.health")]} />
      <tbody>
        {cameras.map((camera) => (
          <tr key={camera.camera_id}>
            <th scope="row">{camera.name}</th>
            <td>{formatDistance(camera.distance_m)}</td>
            <td>{camera.health}</td>
            {moment ? (
              <td>
                <PlayVideoLink cameraId={camera.camera_id} moment={moment} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
