import type { Purpose } from "../../components/PurposeDialog";
import { Pager } from "../../components/Pager";
import { usePages } from "./usePages";
import { formatTime } from "./timeRange";
import type { FaceSighting } from "./types";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { CropCell, ResultsTable, ScoreCell } from "./ResultsTable";
import { t } from "../../i18n/catalogue";

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
  const { page, pages, shown, rank, moves } = usePages(sightings);
  return (
    <section aria-labelledby="face-results-title">
      <h2 id="face-results-title">{t("search.faceSightings")}</h2>
      {hiddenBelowThreshold > 0 ? (
        <p className="state search-note">
          {t("search.lessSimilarHidden", { count: hiddenBelowThreshold })}
        </p>
      ) : null}
      {sightings.length === 0 ? (
        <p className="state">{t("search.noStoredFaceIs")}</p>
      ) : (
        <ResultsTable testId="face-results" caption={t("search.faceSightingsMostSimilar")} columns={[t("search.rank"), t("search.face"), t("search.score"), t("search.camera"), t("search.time"), t("search.video")]}>
          {shown.map((sighting, index) => (
            <tr key={sighting.sighting_id}>
              <th scope="row">{rank(index)}</th>
              <CropCell className="face-crop" sha256={sighting.crop_sha256} alt={t("search.faceSeenBy", { camera_id: cameraName(sighting.camera_id) })} purpose={purpose} />
              <ScoreCell score={sighting.score} detail={t("search.distance", { distance: sighting.distance.toFixed(3) })} />
              <td>{cameraName(sighting.camera_id)}</td>
              <td>
                <time dateTime={sighting.time}>{formatTime(sighting.time)}</time>
              </td>
              <td>
                <PlayVideoLink
                  cameraId={sighting.camera_id}
                  moment={sighting.time}
                  ariaLabel={t("search.playVideoOfSighting", { value: rank(index), time: formatTime(sighting.time) })}
                />
              </td>
            </tr>
          ))}
        </ResultsTable>
      )}
      <Pager
        label={t("search.faceResultPages")}
        position={t("common.pageOf", { number: page + 1, pages })}
        {...moves}
      />
    </section>
  );
}
