import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { StateMessage } from "../../../components/StateMessage";
import { useCameraName } from "../cameraNames";
import { BASE_PATH, formatTime, TICKET_STATUSES, ticketStatusLabel, violationTypeLabel } from "../labels";
import type { Ticket, TicketStatus } from "../types";

const TICKET_LIMIT = 200;

interface TicketFilter {
  status: TicketStatus | "";
  plate: string;
}

/** Issued tickets, newest first, by status and plate. */
export function TicketsPage() {
  const { client } = useAuth();
  const [filter, setFilter] = useState<TicketFilter>({ status: "", plate: "" });
  const { resource } = useResource(
    (signal) =>
      client.get<Ticket[]>("/api/v1/challan/tickets", {
        query: { status: filter.status, plate: filter.plate, limit: TICKET_LIMIT },
        signal,
      }),
    [client, filter.status, filter.plate],
  );
  // The server names the plate when it cannot read it ("plate: ..."): show that beside the plate field.
  const plateError =
    resource.status === "error" && filter.plate && /\bplate\b/i.test(resource.error) ? resource.error : null;

  return (
    <section aria-labelledby="challan-tickets-title">
      <h2 id="challan-tickets-title">Tickets</h2>
      <TicketFilters value={filter} plateError={plateError} onChange={setFilter} />
      {plateError ? null : <StateMessage resource={resource} what="tickets" />}
      {resource.data && !plateError ? <TicketTable tickets={resource.data} /> : null}
    </section>
  );
}

function TicketFilters({
  value,
  plateError,
  onChange,
}: {
  value: TicketFilter;
  plateError: string | null;
  onChange: (next: TicketFilter) => void;
}) {
  const [status, setStatus] = useState(value.status);
  const [plate, setPlate] = useState(value.plate);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ status, plate: plate.trim() });
  };
  return (
    <form className="card filters" onSubmit={submit} aria-label="Ticket filters">
      <div className="field">
        <label htmlFor="challan-ticket-status">Status</label>
        <select id="challan-ticket-status" value={status} onChange={(e) => setStatus(e.target.value as TicketStatus | "")}>
          <option value="">Any status</option>
          {Object.entries(TICKET_STATUSES).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="challan-ticket-plate">Plate</label>
        <input
          id="challan-ticket-plate"
          className="challan-mono"
          value={plate}
          maxLength={32}
          onChange={(e) => setPlate(e.target.value)}
          aria-invalid={plateError ? true : undefined}
          aria-describedby={plateError ? "challan-ticket-plate-error" : undefined}
        />
        {plateError ? (
          <p id="challan-ticket-plate-error" className="field-error" role="alert">
            {plateError}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          Apply filters
        </button>
      </div>
    </form>
  );
}

function TicketTable({ tickets }: { tickets: readonly Ticket[] }) {
  const cameraName = useCameraName();
  if (tickets.length === 0) return <p className="state">No tickets match.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="tickets-table">
        <caption className="visually-hidden">Tickets, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Offence</th>
            <th scope="col">Plate</th>
            <th scope="col">Camera</th>
            <th scope="col">Fine</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.number}>
              <th scope="row">
                <Link to={`${BASE_PATH}/tickets/${encodeURIComponent(ticket.number)}`} className="challan-mono">
                  {ticket.number}
                </Link>
              </th>
              <td>{violationTypeLabel(ticket.violation_type)}</td>
              <td className="challan-mono">{ticket.plate}</td>
              <td>{cameraName(ticket.camera_id)}</td>
              <td>
                {ticket.fine} {ticket.currency}
              </td>
              <td>{formatTime(ticket.issued_at)}</td>
              <td>{formatTime(ticket.due_at)}</td>
              <td>{ticketStatusLabel(ticket.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
