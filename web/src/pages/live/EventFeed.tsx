import { useState } from "react";
import type { LiveEvent } from "../../api/types";
import type { LiveStatus } from "../../live/LiveSocket";

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

function summary(event: LiveEvent): string {
  const text = JSON.stringify(event.payload ?? {});
  return text === "{}" ? "" : text.length > 140 ? `${text.slice(0, 137)}…` : text;
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour12: false });
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
  const shown = filter ? events.filter((e) => e.type.includes(filter.trim())) : events;
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
      </div>
      {shown.length === 0 ? (
        <p className="state">{events.length === 0 ? "No events yet. New events appear here as they happen." : "No events match the filter."}</p>
      ) : (
        <ol className="feed-list" data-testid="event-feed">
          {shown.map((event) => (
            <li key={event.id} className={event.type.startsWith("alert.") ? "feed-item feed-alert" : "feed-item"}>
              <div className="feed-line">
                <time dateTime={event.time}>{timeOf(event.time)}</time>
                <span className="feed-type">{event.type}</span>
                {event.camera_id ? <span className="muted">{cameraName(event.camera_id)}</span> : null}
              </div>
              {summary(event) ? <code className="feed-payload">{summary(event)}</code> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
