import { useState } from "react";
import { Link } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { ChoiceSelect } from "../../../components/ChoiceSelect";
import { FilterForm } from "../../../components/FilterForm";
import { FormField } from "../../../components/FormField";
import { RecordTable, type Column } from "../../../components/RecordTable";
import { StateMessage } from "../../../components/StateMessage";
import { CameraName } from "../cameraNames";
import { BASE_PATH, formatTime, TICKET_STATUSES, ticketStatusLabel, violationTypeLabel } from "../labels";
import type { Ticket, TicketStatus } from "../types";
import { t } from "../../../i18n/catalogue";

const TICKET_LIMIT = 200;
const TICKET_STATUS_CODES = Object.keys(TICKET_STATUSES) as TicketStatus[];

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
      client.GET("/api/v1/challan/tickets", {
        params: { query: { status: filter.status || null, plate: filter.plate, limit: TICKET_LIMIT } },
        signal,
      }),
    [client, filter.status, filter.plate],
  );
  // The server names the plate when it cannot read it ("plate: ..."): show that beside the plate field.
  const plateError =
    resource.status === "error" && filter.plate && /\bplate\b/i.test(resource.error) ? resource.error : null;

  return (
    <section aria-labelledby="challan-tickets-title">
      <h2 id="challan-tickets-title">{t("challan.tickets.tickets")}</h2>
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
  return (
    <FilterForm
      label={t("challan.tickets.ticketFilters")}
      applyLabel={t("challan.tickets.applyFilters")}
      onApply={() => onChange({ status, plate: plate.trim() })}
    >
      <FormField id="challan-ticket-status" label={t("challan.tickets.status")}>
        {(control) => (
          <ChoiceSelect<TicketStatus | "">
            {...control}
            none={t("challan.tickets.anyStatus")}
            values={TICKET_STATUS_CODES}
            label={ticketStatusLabel}
            value={status}
            onChange={setStatus}
          />
        )}
      </FormField>
      <FormField id="challan-ticket-plate" label={t("challan.tickets.plate")} error={plateError}>
        {(control) => (
          <input
            {...control}
            className="challan-mono"
            value={plate}
            maxLength={32}
            onChange={(e) => setPlate(e.target.value)}
          />
        )}
      </FormField>
    </FilterForm>
  );
}

/** The table's columns, headed in the current language. */
const ticketColumns = (): readonly Column<Ticket>[] => [
  {
    header: t("challan.tickets.number"),
    rowHeader: true,
    cell: (ticket) => (
      <Link to={`${BASE_PATH}/tickets/${encodeURIComponent(ticket.number)}`} className="challan-mono">
        {ticket.number}
      </Link>
    ),
  },
  { header: t("challan.tickets.offence"), cell: (ticket) => violationTypeLabel(ticket.violation_type) },
  { header: t("challan.tickets.plate"), cell: (ticket) => ticket.plate, className: "challan-mono" },
  { header: t("challan.tickets.camera"), cell: (ticket) => <CameraName id={ticket.camera_id} /> },
  { header: t("challan.tickets.fine"), cell: (ticket) => `${ticket.fine} ${ticket.currency}` },
  { header: t("challan.tickets.issued"), cell: (ticket) => formatTime(ticket.issued_at) },
  { header: t("challan.tickets.due"), cell: (ticket) => formatTime(ticket.due_at) },
  { header: t("challan.tickets.status"), cell: (ticket) => ticketStatusLabel(ticket.status) },
];

function TicketTable({ tickets }: { tickets: readonly Ticket[] }) {
  if (tickets.length === 0) return <p className="state">{t("challan.tickets.noTicketsMatch")}</p>;
  return (
    <RecordTable
      rows={tickets}
      rowKey={(ticket) => ticket.number}
      columns={ticketColumns()}
      caption={t("challan.tickets.ticketsNewestFirst")}
      testId="tickets-table"
    />
  );
}
