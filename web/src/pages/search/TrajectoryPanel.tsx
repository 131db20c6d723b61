import { useEffect, useMemo, useRef } from "react";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import type { Purpose } from "../../components/PurposeDialog";
import { MediaImage } from "../../components/MediaImage";
import { trajectoryQuery, type PlateSearchForm } from "./plateQuery";
import { formatTime } from "./timeRange";
import { trajectoryPoints, type TrajectoryPoint } from "./trajectory";
import { TrajectoryMap } from "./TrajectoryMap";
import { t } from "../../i18n/catalogue";

/** Where one vehicle has been, over the search's time range, under the purpose given for the search. */
export function TrajectoryPanel({
  plate,
  form,
  purpose,
  cameraName,
  onClose,
}: {
  plate: string;
  form: PlateSearchForm;
  purpose: Purpose;
  cameraName: (id: string) => string;
  onClose: () => void;
}) {
  const { client } = useAuth();
  const heading = useRef<HTMLHeadingElement>(null);
  const { resource } = useResource(
    (signal) =>
      client.GET("/api/v1/plates/trajectory", { params: { query: trajectoryQuery(plate, form, purpose) }, signal }),
    [client, plate, form, purpose],
  );
  const points = useMemo(() => trajectoryPoints(resource.data?.sightings ?? []), [resource.data]);

  useEffect(() => heading.current?.focus(), [plate]);

  return (
    <section className="card trajectory" aria-labelledby="trajectory-title" data-testid="trajectory">
      <div className="section-head">
        <h2 id="trajectory-title" ref={heading} tabIndex={-1}>
          {t("search.trajectoryOf", { plate })}
        </h2>
        <button type="button" className="btn btn-small btn-quiet" onClick={onClose}>
          {t("search.closeTrajectory")}
        </button>
      </div>
      <p className="muted">{t("search.recordedUnderThePurpose")}</p>
      <div role="status">
        {resource.status === "loading" ? <p className="state">{t("search.loadingTrajectory")}</p> : null}
        {resource.status === "ready" ? (
          <p className="state">
            {points.length === 0
              ? t("search.noSightingsOfThis")
              : t("search.sightingsOldestFirst", { count: points.length })}
          </p>
        ) : null}
      </div>
      {resource.status === "error" || resource.status === "unavailable" ? (
        <p className="state state-error" role="alert">
          {t("search.couldNotLoadThe", { value: resource.status === "error" ? resource.error : t("search.trajectoriesAreNotAvailable") })}
        </p>
      ) : null}
      {points.length > 0 ? (
        <div className="trajectory-body">
          <TrajectoryMap points={points} cameraName={cameraName} />
          <SightingList points={points} cameraName={cameraName} />
        </div>
      ) : null}
    </section>
  );
}

function SightingList({ points, cameraName }: { points: TrajectoryPoint[]; cameraName: (id: string) => string }) {
  return (
    <ol className="sighting-list" aria-label={t("search.sightingsInTimeOrder")} data-testid="trajectory-list">
      {points.map((point) => (
        <li key={point.sighting.event_id} className="sighting">
          <span className="sighting-number" aria-hidden="true">
            {point.number}
          </span>
          <div>
            <time dateTime={point.sighting.time}>{formatTime(point.sighting.time)}</time>
            <div>
              <strong>{cameraName(point.sighting.camera_id)}</strong> — {point.sighting.text},{" "}
              {Math.round(point.sighting.confidence * 100)} %
              {point.sighting.direction ? t("search.heading", { direction: point.sighting.direction }) : ""}
            </div>
            {point.position ? null : <div className="muted">{t("search.noCameraPositionNot")}</div>}
          </div>
          {point.sighting.crop_sha256 ? (
            <MediaImage className="plate-crop" sha256={point.sighting.crop_sha256} alt={t("search.plateCropOfSighting", { number: point.number })} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
