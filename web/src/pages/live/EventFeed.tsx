import { useState } from "react";
import type { LiveEvent } from "../../api/types";
import type { LiveStatus } from "../../live/LiveSocket";
import { formatTimeOfDay } from "../../format/dateTime";
import { describeEvent, isChatter } from "./eventWords";

export const FEED_LIMIT = 200;

export function statusText(status: LiveStatus): string {
  switch (status.state) {
    case "connected":
      return "Connected";
    case "connecting":
      return "Connecting…";
    case "reconnecting":
      return status.retryInMs !== null
        ? `Disconnected — retrying in ${Math.ceil(status.retryInMs / 1000)} s (attempt ${status.attempt})`
        : `Reconnecting (attempt ${status.attempt})…`;
    case "unauthorized":
      return "Not authenticated — log in again";
    case "stopped":
      return "Stopped";
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
        <h2 id="feed-title">Live events</h2>
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
        <label htmlFor="feed-filter">Filter by type</label>
        <input
          id="feed-filter"
          value={filter}
          placeholder="e.g. alert."
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={showChatter} onChange={(e) => setShowChatter(e.target.checked)} /> Show tracking events
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="state">{events.length === 0 ? "No events yet. New events appear here as they happen." : "No events match the filter."}</p>
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
