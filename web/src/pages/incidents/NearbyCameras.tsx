import { formatDistance } from "./time";
import type { NearbyCamera } from "./types";
import { TableHead } from "../../components/TableHead";
import { PlayVideoLink } from "../../components/PlayVideoLink";

/** Cameras near the incident; `moment` (when it happened) adds a link to each camera's video of then. */
export function NearbyCameras({ cameras, moment }: { cameras: NearbyCamera[]; moment?: string }) {
  if (cameras.length === 0) return <p className="state">No cameras registered near this incident.</p>;
  return (
    <table className="table" data-testid="nearby-cameras">
      <TableHead columns={moment ? ["Camera", "Distance", "Health", "Video"] : ["Camera", "Distance", "Health"]} />
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
