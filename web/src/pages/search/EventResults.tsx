import { summarizePayload } from "./eventsQuery";
import { formatTime } from "./timeRange";
import type { StoredEvent } from "./types";
import { ResultsTable } from "./ResultsTable";
import { t } from "../../i18n/catalogue";

export function EventResults({ events, cameraName }: { events: StoredEvent[]; cameraName: (id: string | null) => string }) {
  if (events.length === 0) return <p className="state">{t("search.noStoredEventsMatch")}</p>;
  return (
    <ResultsTable testId="event-results" caption={t("search.storedEventsNewestFirst")} columns={[t("search.time"), t("search.type"), t("search.camera"), t("search.source"), t("search.details")]}>
      {events.map((event) => (
        <tr key={event.seq} className={event.type.startsWith("alert.") ? "event-alert" : undefined}>
          <td>
            <time dateTime={event.time}>{formatTime(event.time)}</time>
          </td>
          <th scope="row">{event.type}</th>
          <td>{event.camera_id ? cameraName(event.camera_id) : <span className="muted">{t("search.none")}</span>}</td>
          <td>{event.source ?? <span className="muted">{t("search.unknown")}</span>}</td>
          <td className="details">{summarizePayload(event.payload)}</td>
        </tr>
      ))}
    </ResultsTable>
  );
}
