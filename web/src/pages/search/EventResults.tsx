import { summarizePayload } from "./eventsQuery";
import { formatTime } from "./timeRange";
import type { StoredEvent } from "./types";
import { TableHead } from "../../components/TableHead";

export function EventResults({ events, cameraName }: { events: StoredEvent[]; cameraName: (id: string | null) => string }) {
  if (events.length === 0) return <p className="state">No stored events match.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="event-results">
        <caption className="visually-hidden">Stored events, newest first</caption>
        <TableHead columns={["Time", "Type", "Camera", "Source", "Details"]} />
        <tbody>
          {events.map((event) => (
            <tr key={event.seq} className={event.type.startsWith("alert.") ? "event-alert" : undefined}>
              <td>
                <time dateTime={event.time}>{formatTime(event.time)}</time>
              </td>
              <th scope="row">{event.type}</th>
              <td>{event.camera_id ? cameraName(event.camera_id) : <span className="muted">None</span>}</td>
              <td>{event.source ?? <span className="muted">Unknown</span>}</td>
              <td className="details">{summarizePayload(event.payload)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
