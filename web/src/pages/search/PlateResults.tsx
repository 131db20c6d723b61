import { MediaImage } from "../../components/MediaImage";
import { Pager } from "../../components/Pager";
import { PAGE_SIZE } from "./paging";
import { usePages } from "./usePages";
import { formatTime } from "./timeRange";
import type { PlateRead } from "./types";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { ResultsTable } from "./ResultsTable";
import { t } from "../../i18n/catalogue";

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
  const { page, pages, shown, moves } = usePages(reads);
  if (reads.length === 0) return <p className="state">{t("search.noPlateReadsMatch")}</p>;
  return (
    <section aria-labelledby="plate-results-title">
      <h2 id="plate-results-title">{t("search.plateReads")}</h2>
      {reads.length >= limit ? (
        <p className="state search-note">
          {t("search.theServerReturnedIts", { limit })}
        </p>
      ) : null}
      <ResultsTable testId="plate-results" caption={t("search.plateReadsNewestFirst", { number: page + 1, pages })} columns={[t("search.time"), t("search.camera"), t("search.plate"), t("search.confidence"), t("search.image"), t("search.actions")]}>
        {shown.map((read) => (
          <tr key={read.id}>
            <td>
              <time dateTime={read.time}>{formatTime(read.time)}</time>
            </td>
            <td>{cameraName(read.camera_id)}</td>
            <th scope="row" className="plate-text">
              {read.text}
              {read.matched ? null : <span className="muted">{" "}{t("search.fitsNoKnownFormat")}</span>}
            </th>
            <td>{Math.round(read.confidence * 100)} %</td>
            <td>
              <MediaImage
                className="plate-crop"
                sha256={read.crop_sha256 ?? read.snapshot_sha256}
                alt={t("search.of", { value: read.crop_sha256 ? t("search.plateCrop") : t("search.scene"), text: read.text })}
              />
            </td>
            <td>
              <button
                type="button"
                className="btn btn-small"
                aria-label={t("search.showTrajectoryOf", { text: read.text })}
                onClick={() => onShowTrajectory(read.text)}
              >
                {t("search.showTrajectory")}
              </button>{" "}
              <PlayVideoLink cameraId={read.camera_id} moment={read.time} ariaLabel={t("search.playVideoOfAt", { text: read.text, time: formatTime(read.time) })} />
            </td>
          </tr>
        ))}
      </ResultsTable>
      <Pager
        label={t("search.plateResultPages")}
        position={t("search.pageOfAPage", { value: page + 1, pages, pageSize: PAGE_SIZE })}
        {...moves}
      />
    </section>
  );
}
