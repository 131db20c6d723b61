import { useCallback, useState } from "react";
import { useAuth } from "../../auth/AuthContext";
import { useResource } from "../../api/useResource";
import type { LiveEvent } from "../../api/types";
import { PickList } from "../../components/PickList";
import { StateMessage } from "../../components/StateMessage";
import { formatDateTime } from "../../format/dateTime";
import { formatCoordinates } from "../../format/places";
import { t } from "../../i18n/catalogue";
import { alertFieldOf } from "../../live/eventFields";
import { useLiveSocket } from "../../live/useLiveSocket";
import { LivePageHead } from "../incidents/Badges";
import { PanicDetail } from "./PanicDetail";
import { callerOf, listWithPosition, locationOf, withPosition, type PanicSummary, type PanicView } from "./panicState";
import "./panic.css";

const TOPICS = ["panic.location", "alert.created", "incident.*"];

/**
 * /panic (alerts.act): the phones whose panic button was pressed, each followed live on a map and in a
 * list as the phone sends positions; the nearest units to assign; "confirm safe" once the person is safe.
 */
export default function PanicPage() {
  const { client } = useAuth();
  const [active, setActive] = useState(true);
  const [selected, setSelected] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const list = useResource((signal) => client.GET("/api/v1/panic", { params: { query: { active } }, signal }), [client, active, generation]);
  const detail = useResource<PanicView | null>(
    (signal) => (selected ? client.GET("/api/v1/panic/{panic_id}", { params: { path: { panic_id: selected } }, signal }) : Promise.resolve(null)),
    [client, selected, generation],
  );
  const { setResource: setList } = list;
  const { setResource: setDetail } = detail;

  const onEvent = useCallback(
    (event: LiveEvent) => {
      const moved = locationOf(event);
      if (moved) {
        setList((r) => (r.status === "ready" ? { ...r, data: listWithPosition(r.data, moved.panicId, moved.point) } : r));
        setDetail((r) => (r.status === "ready" && r.data?.panic_id === moved.panicId ? { ...r, data: withPosition(r.data, moved.point) } : r));
      } else if (event.type === "alert.created" && alertFieldOf(event)?.kind === "panic") {
        setGeneration((g) => g + 1);
      }
    },
    [setList, setDetail],
  );
  const live = useLiveSocket(TOPICS, onEvent);
  const panics: PanicSummary[] = list.resource.data ?? [];

  return (
    <div className="panic">
      <LivePageHead title={t("panic.title")} live={live} />
      <div className="pick-columns">
        <section aria-labelledby="panic-list-title">
          <div className="section-head">
            <h2 id="panic-list-title">{active ? t("panic.active") : t("panic.ended")}</h2>
            <button type="button" className="btn btn-small" onClick={() => setActive((was) => !was)}>
              {active ? t("panic.ended") : t("panic.active")}
            </button>
          </div>
          <StateMessage resource={list.resource} what={t("panic.panicAlerts")} empty={panics.length === 0 ? <p className="state">{t("panic.empty")}</p> : null} />
          <PickList
            items={panics}
            itemKey={(panic) => panic.panic_id}
            selected={selected}
            onPick={(panic) => setSelected(panic.panic_id)}
            className="panic-list"
            testId="panic-list"
          >
            {(panic) => (
              <>
                <strong>{callerOf(panic)}</strong>
                <span className="muted">
                  {t("panic.since")} {formatDateTime(panic.created_at)}
                </span>
                <span className="muted">
                  {t("panic.lastPosition")}:{" "}
                  {panic.last_position
                    ? `${formatCoordinates(panic.last_position.latitude, panic.last_position.longitude)} (${formatDateTime(panic.last_position.time)})`
                    : "—"}
                </span>
              </>
            )}
          </PickList>
        </section>
        <div>
          <StateMessage resource={detail.resource} what={t("panic.thePanic")} />
          {detail.resource.data ? (
            <PanicDetail view={detail.resource.data} onChanged={() => setGeneration((g) => g + 1)} />
          ) : (
            <p className="state card">{t("panic.select")}</p>
          )}
        </div>
      </div>
    </div>
  );
}
