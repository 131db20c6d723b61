import { formatDistance } from "./time";
import type { NearbyCamera } from "./types";
import { TableHead } from "../../components/TableHead";

export function NearbyCameras({ cameras }: { cameras: NearbyCamera[] }) {
  if (cameras.length === 0) return <p className="state">No cameras registered near this incident.</p>;
  return (
    <table className="table" data-testid="nearby-cameras">
      <TableHead columns={["Camera", "Distance", "Health"]} />
      <tbody>
        {cameras.map((camera) => (
          <tr key={camera.camera_id}>
            <th scope="row">{camera.name}</th>
            <td>{formatDistance(camera.distance_m)}</td>
            <td>{camera.health}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
