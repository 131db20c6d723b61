import { formatDistance } from "./time";
import type { NearbyCamera } from "./types";

export function NearbyCameras({ cameras }: { cameras: NearbyCamera[] }) {
  if (cameras.length === 0) return <p className="state">No cameras registered near this incident.</p>;
  return (
    <table className="table" data-testid="nearby-cameras">
      <thead>
        <tr>
          <th scope="col">Camera</th>
          <th scope="col">Distance</th>
          <th scope="col">Health</th>
        </tr>
      </thead>
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
