import { useState } from "react";
import { MediaImage } from "../../components/MediaImage";
import type { Purpose } from "../../components/PurposeDialog";
import { Pager } from "../../components/Pager";
import { PAGE_SIZE, pageCount, pageItems } from "./paging";
import { formatTime } from "./timeRange";
import type { FaceSighting } from "./types";
import { TableHead } from "../../components/TableHead";
import { PlayVideoLink } from "../../components/PlayVideoLink";

/** Stored face sightings, most similar first, with their crops. */
export function FaceResults({
  sightings,
  hiddenBelowThreshold,
  cameraName,
  purpose,
}: {
  sightings: FaceSighting[];
  hiddenBelowThreshold: number;
  cameraName: (id: string | null) => string;
  /** The search's purpose: each crop read is a personal-data read the server audits with it. */
  purpose: Purpose;
}) {
  const [page, setPage] = useState(0);
  const pages = pageCount(sightings.length);
  return (
    <section aria-labelledby="face-results-title">
      <h2 id="face-results-title">Face sightings</h2>
      {hiddenBelowThreshold > 0 ? (
        <p className="state search-note">
          {hiddenBelowThreshold} less similar sighting{hiddenBelowThreshold === 1 ? " is" : "s are"} hidden by the minimum
          score.
        </p>
      ) : null}
      {sightings.length === 0 ? (
        <p className="state">No stored face is similar enough in this time range.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="face-results">
            <caption className="visually-hidden">Face sightings, most similar first</caption>
            <TableHead columns={["Rank", "Face", "Score", "Camera", "Time", "Video"]} />
            <tbody>
              {pageItems(sightings, page).map((sighting, index) => (
                <tr key={sighting.sighting_id}>
                  <th scope="row">{page * PAGE_SIZE + index + 1}</th>
                  <td>
                    <MediaImage
                      className="face-crop"
                      sha256={sighting.crop_sha256}
                      alt={`Face seen by ${cameraName(sighting.camera_id)}`}
                      purpose={purpose}
                    />
                  </td>
                  <td>
                    {sighting.score.toFixed(2)} <span className="muted">(distance {sighting.distance.toFixed(3)})</span>
                  </td>
                  <td>{cameraName(sighting.camera_id)}</td>
                  <td>
                    <time dateTime={sighting.time}>{formatTime(sighting.time)}</time>
                  </td>
                  <td>
                    <PlayVideoLink
                      cameraId={sighting.camera_id}
                      moment={sighting.time}
                      ariaLabel={`Play video of sighting ${page * PAGE_SIZE + index + 1} at ${formatTime(sighting.time)}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Face result pages"
        position={`Page ${page + 1} of ${pages}`}
        hasPrevious={page > 0}
        hasNext={page < pages - 1}
        onPrevious={() => setPage((p) => p - 1)}
        onNext={() => setPage((p) => p + 1)}
      />
    </section>
  );
}
