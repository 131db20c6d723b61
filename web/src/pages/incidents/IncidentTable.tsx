import { Link } from "react-router";
import { IncidentStatusBadge, PriorityBadge } from "./Badges";
import { formatClock, incidentAge } from "./time";
import { TickingDuration } from "./TickingDuration";
import type { Incident } from "./types";
import { TableHead } from "../../components/TableHead";
import { t } from "../../i18n/catalogue";

export function locationText(incident: Incident): string {
  if (incident.address) return incident.address;
  if (incident.latitude !== null && incident.longitude !== null)
    return `${incident.latitude.toFixed(5)}, ${incident.longitude.toFixed(5)}`;
  return t("incidents.noLocation");
}

export function IncidentTable({ incidents, typeLabel }: { incidents: Incident[]; typeLabel: (code: string) => string }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="incidents-table">
        <caption className="visually-hidden">{t("incidents.incidentsMostUrgentFirst")}</caption>
        <TableHead columns={[t("incidents.incident2"), t("incidents.priority"), t("incidents.type"), t("incidents.status"), t("incidents.location"), t("incidents.reported"), t("incidents.age")]} />
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id}>
              <th scope="row">
                <Link to={`/incidents/${incident.id}`}>
                  #{incident.id} {incident.title}
                </Link>
              </th>
              <td>
                <PriorityBadge priority={incident.priority} />
              </td>
              <td>{typeLabel(incident.type)}</td>
              <td>
                <IncidentStatusBadge status={incident.status} />
              </td>
              <td>{locationText(incident)}</td>
              <td>
                <time dateTime={incident.received_at}>{formatClock(incident.received_at)}</time>
              </td>
              <td>
                <TickingDuration secondsAt={(now) => incidentAge(incident, now)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
