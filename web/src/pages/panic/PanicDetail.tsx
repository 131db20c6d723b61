import { Link } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { CityMap } from "../../components/map/CityMap";
import { FieldError } from "../../components/FormField";
import { RecordTable, type Column } from "../../components/RecordTable";
import { formatDateTime, formatTimeOfDay } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { useDispatchApi } from "../incidents/hooks";
import { UNIT_STATUS_LOOK, unitTypeLabel } from "../incidents/lifecycle";
import { formatDistance, formatDuration } from "../incidents/time";
import { directionsUrl } from "../../format/places";
import { callerOf, trailLayer, type PanicView, type TrailPoint } from "./panicState";

const trailColumns = (): Column<TrailPoint & { n: number }>[] => [
  { header: "#", cell: (p) => p.n, className: "num" },
  { header: t("helpline.when"), cell: (p) => <time dateTime={p.time}>{formatTimeOfDay(p.time)}</time> },
  { header: t("helpline.latitude"), cell: (p) => p.latitude.toFixed(5), className: "num" },
  { header: t("helpline.longitude"), cell: (p) => p.longitude.toFixed(5), className: "num" },
  { header: "±", cell: (p) => (p.accuracy_m === null ? "—" : t("panic.accuracy", { metres: Math.round(p.accuracy_m) })) },
];

/** One panic: where the phone is and has been (live), the nearest units to send, and "confirm safe". */
export function PanicDetail({ view, onChanged }: { view: PanicView; onChanged: () => void }) {
  const { client } = useAuth();
  const api = useDispatchApi();
  const last = view.trail[view.trail.length - 1] ?? null;
  const confirm = useMutation(
    () => client.POST("/api/v1/panic/{panic_id}/confirm-safe", { params: { path: { panic_id: view.panic_id } } }),
    { onSuccess: onChanged },
  );
  const assign = useMutation((unitId: string) => api.assign(view.incident.id, unitId), { onSuccess: onChanged });
  const numbered = view.trail.map((point, index) => ({ ...point, n: index + 1 })).reverse();
  // The phone moves: the nearest units are asked again for its newest position (the view's list is for the first).
  const moved = view.trail.length > 1 && last !== null;
  const nearest = useResource(
    (signal) => (moved && last ? api.recommend(last.latitude, last.longitude, "police", signal) : Promise.resolve(null)),
    [api, moved, last?.latitude, last?.longitude],
  );
  const units = nearest.resource.data ?? view.recommended_units;

  return (
    <article className="card panic-detail" aria-labelledby="panic-detail-title" data-testid="panic-detail">
      <h2 id="panic-detail-title">{callerOf(view)}</h2>
      <p>
        <span className={view.active ? "badge badge-critical" : "badge"}>{view.active ? t("panic.stillActive") : t("panic.notFollowing")}</span>{" "}
        <Link to={`/incidents/${view.incident.id}`}>{t("panic.incident", { id: view.incident.id })}</Link>
        {last ? (
          <>
            {" · "}
            <a href={directionsUrl(last.latitude, last.longitude)} target="_blank" rel="noreferrer">
              {t("panic.navigate")}
            </a>
          </>
        ) : null}
      </p>
      {view.active ? (
        <p>
          <button type="button" className="btn btn-primary" disabled={confirm.busy} onClick={() => void confirm.run()}>
            {t("panic.confirmSafe")}
          </button>
          {confirm.error ? <FieldError>{confirm.error}</FieldError> : null}
        </p>
      ) : null}
      <CityMap layers={[trailLayer(view.trail)]} label={`${t("panic.trail")}: ${t("panic.trailCount", { count: view.trail.length })}`} className="map panic-map" testId="panic-map" />
      <h3>
        {t("panic.trail")} <span className="muted">{t("panic.trailCount", { count: view.trail.length })}</span>
      </h3>
      <div data-testid="panic-trail">
        <RecordTable rows={numbered} rowKey={(p) => p.n} columns={trailColumns()} caption={t("panic.trail")} />
      </div>
      <h3>{t("panic.nearest")}</h3>
      {units.length === 0 ? (
        <p className="muted">{t("panic.noUnits")}</p>
      ) : (
        <ul className="panic-units">
          {units.map((r) => (
            <li key={r.unit.id}>
              <strong>{r.unit.callsign}</strong> {unitTypeLabel(r.unit.type)} ·{" "}
              {UNIT_STATUS_LOOK[r.unit.status as keyof typeof UNIT_STATUS_LOOK]?.label ?? r.unit.status} · {formatDistance(r.distance_m)} ·{" "}
              {formatDuration(r.travel_s)}{" "}
              <button type="button" className="btn btn-small" disabled={assign.busy} onClick={() => void assign.run(r.unit.id)}>
                {t("panic.assign")}
              </button>
            </li>
          ))}
        </ul>
      )}
      {assign.error ? <FieldError>{assign.error}</FieldError> : null}
      <p className="muted">
        {t("panic.since")}: {formatDateTime(view.trail[0]?.time)}
      </p>
    </article>
  );
}
