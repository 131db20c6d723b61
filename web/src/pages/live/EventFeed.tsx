import { useState } from "react";
import type { LiveEvent } from "../../api/types";
import type { LiveStatus } from "../../live/LiveSocket";
import { formatTimeOfDay } from "../../format/dateTime";
import { describeEvent, isChatter } from "./eventWords";
import { t } from "../../i18n/catalogue";

export const FEED_LIMIT = 200;

export function statusText(status: LiveStatus): string {
  switch (status.state) {
    case "connected":
      return t("live.connected");
    case "connecting":
      return t("live.connecting");
    case "reconnecting":
      return status.retryInMs !== null
        ? t("live.disconnectedRetryingInS", { ceil: Math.ceil(status.retryInMs / 1000), attempt: status.attempt })
        : `Reconnecting (attempt ${status.attempt})…`;
    case "unauthorized":
      return t("live.notAuthenticatedLogIn");
    case "stopped":
      return t("live.stopped");
  }
}


export function EventFeed({
  events,
  status,
  cameraName,
}: {
  events: LiveEvent[];
  status: LiveStatus;
  cameraName: (id: string) => string;
}) {
  const [filter, setFilter] = useState("");
  const [showChatter, setShowChatter] = useState(false);
  const wanted = showChatter ? events : events.filter((e) => !isChatter(e.type));
  const shown = filter ? wanted.filter((e) => e.type.includes(filter.trim())) : wanted;
  return (
    <section className="feed" aria-labelledby="feed-title">
      <div className="section-head">
        <h2 id="feed-title">{t("live.liveEvents")}</h2>
        <span
          className={`pill pill-${status.state === "connected" ? "ok" : status.state === "unauthorized" ? "unreachable" : "degraded"}`}
          role="status"
          data-testid="live-status"
          data-state={status.state}
        >
          <span className="dot" aria-hidden="true" />
          {statusText(status)}
        </span>
      </div>
      <div className="field field-inline">
        <label htmlFor="feed-filter">{t("live.filterByType")}</label>
        <input
          id="feed-filter"
          value={filter}
          placeholder={t("live.eGAlert")}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={showChatter} onChange={(e) => setShowChatter(e.target.checked)} />{" "}{t("live.showTrackingEvents")}
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="state">{events.length === 0 ? t("live.noEventsYetNew") : t("live.noEventsMatchThe")}</p>
      ) : (
        <ol className="feed-list" data-testid="event-feed">
          {shown.map((event) => {
            const words = describeEvent(event);
            return (
              <li key={event.id} className={words.alarm ? "feed-item feed-alert" : "feed-item"} data-type={event.type}>
                <div className="feed-line">
                  <time dateTime={event.time}>{formatTimeOfDay(event.time)}</time>
                  {event.camera_id ? <span className="muted">{cameraName(event.camera_id)}</span> : null}
                </div>
                <p className="feed-text">{words.text}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
