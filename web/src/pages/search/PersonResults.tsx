import { useMemo } from "react";
import { MediaImage } from "../../components/MediaImage";
import type { Purpose } from "../../components/PurposeDialog";
import { TableHead } from "../../components/TableHead";
import type { PersonSighting } from "./personQuery";
import { formatTime } from "./timeRange";
import { trajectoryPoints } from "./trajectory";
import { TrajectoryMap } from "./TrajectoryMap";

/** The person's tracks on other cameras: ranked in the table (with snapshots), numbered in time order on the map. */
export function PersonResults({
  sightings,
  cameraName,
  purpose,
}: {
  sightings: PersonSighting[];
  cameraName: (id: string | null) => string;
  purpose: Purpose;
}) {
  const points = useMemo(() => trajectoryPoints(sightings), [sightings]);
  const numberOf = useMemo(() => new Map(points.map((point) => [point.sighting.appearance_id, point.number])), [points]);
  if (sightings.length === 0) return <p className="state">No track on another camera looks similar enough in this time range.</p>;
  return (
    <section aria-labelledby="person-results-title">
      <h2 id="person-results-title">Matching tracks</h2>
      <TrajectoryMap points={points} cameraName={cameraName} />
      <div className="table-scroll">
        <table className="table" data-testid="person-results">
          <caption className="visually-hidden">Matching tracks, best first; # is the number on the map (time order)</caption>
          <TableHead columns={["Rank", "#", "Person", "Score", "Camera", "First seen", "Usual travel"]} />
          <tbody>
            {sightings.map((sighting, index) => (
              <tr key={sighting.appearance_id}>
                <th scope="row">{index + 1}</th>
                <td>{numberOf.get(sighting.appearance_id)}</td>
                <td>
                  <MediaImage
                    className="person-crop"
                    sha256={sighting.crop_sha256}
                    alt={`Person seen by ${cameraName(sighting.camera_id)}`}
                    purpose={purpose}
                  />
                </td>
                <td>
                  {sighting.score.toFixed(2)} <span className="muted">(look {sighting.similarity.toFixed(2)})</span>
                </td>
                <td>
                  {cameraName(sighting.camera_id)} <span className="muted">track {sighting.track_id}</span>
                </td>
                <td>
                  <time dateTime={sighting.first_seen}>{formatTime(sighting.first_seen)}</time>
                </td>
                <td>{sighting.travel_seconds === null ? "not a neighbour" : `${Math.round(sighting.travel_seconds)} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
