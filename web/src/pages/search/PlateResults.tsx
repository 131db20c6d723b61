import { useState } from "react";
import { MediaImage } from "../../components/MediaImage";
import { Pager } from "../../components/Pager";
import { PAGE_SIZE, pageCount, pageItems } from "./paging";
import { formatTime } from "./timeRange";
import type { PlateRead } from "./types";
import { TableHead } from "../../components/TableHead";
import { PlayVideoLink } from "../../components/PlayVideoLink";

export function PlateResults({
  reads,
  limit,
  cameraName,
  onShowTrajectory,
}: {
  reads: PlateRead[];
  limit: number;
  cameraName: (id: string) => string;
  onShowTrajectory: (plate: string) => void;
}) {
  const [page, setPage] = useState(0);
  const pages = pageCount(reads.length);
  const shown = pageItems(reads, page);
  if (reads.length === 0) return <p className="state">No plate reads match.</p>;
  return (
    <section aria-labelledby="plate-results-title">
      <h2 id="plate-results-title">Plate reads</h2>
      {reads.length >= limit ? (
        <p className="state search-note">
          The server returned its limit of {limit} reads; older matches may exist. Narrow the time range or raise the
          limit.
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="table" data-testid="plate-results">
          <caption className="visually-hidden">
            Plate reads, newest first, page {page + 1} of {pages}
          </caption>
          <TableHead columns={["Time", "Camera", "Plate", "Confidence", "Image", "Actions"]} />
          <tbody>
            {shown.map((read) => (
              <tr key={read.id}>
                <td>
                  <time dateTime={read.time}>{formatTime(read.time)}</time>
                </td>
                <td>{cameraName(read.camera_id)}</td>
                <th scope="row" className="plate-text">
                  {read.text}
                  {read.matched ? null : <span className="muted"> (fits no known format)</span>}
                </th>
                <td>{Math.round(read.confidence * 100)} %</td>
                <td>
                  <MediaImage
                    className="plate-crop"
                    sha256={read.crop_sha256 ?? read.snapshot_sha256}
                    alt={`${read.crop_sha256 ? "Plate crop" : "Scene"} of ${read.text}`}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Show trajectory of ${read.text}`}
                    onClick={() => onShowTrajectory(read.text)}
                  >
                    Show trajectory
                  </button>{" "}
                  <PlayVideoLink cameraId={read.camera_id} moment={read.time} ariaLabel={`Play video of ${read.text} at ${formatTime(read.time)}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label="Plate result pages"
        position={`Page ${page + 1} of ${pages} (${PAGE_SIZE} a page)`}
        hasPrevious={page > 0}
        hasNext={page < pages - 1}
        onPrevious={() => setPage((p) => p - 1)}
        onNext={() => setPage((p) => p + 1)}
      />
    </section>
  );
}
