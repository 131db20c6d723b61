import { useMemo } from "react";
import type { Purpose } from "../../components/PurposeDialog";
import type { PersonSighting } from "./personQuery";
import { formatTime } from "./timeRange";
import { trajectoryPoints } from "./trajectory";
import { TrajectoryMap } from "./TrajectoryMap";
import { CropCell, ResultsTable, ScoreCell } from "./ResultsTable";
import { t } from "../../i18n/catalogue";

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
  if (sightings.length === 0) return <p className="state">{t("search.noTrackOnAnother")}</p>;
  return (
    <section aria-labelledby="person-results-title">
      <h2 id="person-results-title">{t("search.matchingTracks")}</h2>
      <TrajectoryMap points={points} cameraName={cameraName} />
      <ResultsTable testId="person-results" caption={t("search.matchingTracksBestFirst")} columns={[t("search.rank"), "#", t("search.person"), t("search.score"), t("search.camera"), t("search.firstSeen"), t("search.usualTravel")]}>
        {sightings.map((sighting, index) => (
          <tr key={sighting.appearance_id}>
            <th scope="row">{index + 1}</th>
            <td>{numberOf.get(sighting.appearance_id)}</td>
            <CropCell className="person-crop" sha256={sighting.crop_sha256} alt={t("search.personSeenBy", { camera_id: cameraName(sighting.camera_id) })} purpose={purpose} />
            <ScoreCell score={sighting.score} detail={t("search.look", { similarity: sighting.similarity.toFixed(2) })} />
            <td>
              {cameraName(sighting.camera_id)} <span className="muted">{t("search.track", { track_id: sighting.track_id })}</span>
            </td>
            <td>
              <time dateTime={sighting.first_seen}>{formatTime(sighting.first_seen)}</time>
            </td>
            <td>{sighting.travel_seconds === null ? t("search.notANeighbour") : t("search.s", { round: Math.round(sighting.travel_seconds) })}</td>
          </tr>
        ))}
      </ResultsTable>
    </section>
  );
}
