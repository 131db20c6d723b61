import { useState } from "react";
import { Link, useParams } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { Permission } from "../../../auth/permissions";
import { StateMessage } from "../../../components/StateMessage";
import { useCameraName } from "../cameraNames";
import { EvidenceGallery } from "../evidence/EvidenceGallery";
import { PlatePanel } from "../evidence/PlatePanel";
import { BASE_PATH, formatTime, ticketStatusLabel, violationTypeLabel } from "../labels";
import type { Ticket } from "../types";
import { useViolation } from "../useViolation";
import { RegistryOwner } from "./RegistryOwner";
import { TicketPdfActions } from "./TicketPdfActions";
import { TicketStatusForm } from "./TicketStatusForm";
import { t } from "../../../i18n/catalogue";

/** One ticket: offence, plate, owner, amount, status, evidence, PDF, and the status changes allowed. */
export function TicketView() {
  const number = useParams().number ?? "";
  const { client, can } = useAuth();
  const { resource, setResource } = useResource(
    (signal) => client.GET("/api/v1/challan/tickets/{number}", { params: { path: { number } }, signal }),
    [client, number],
  );
  const [changed, setChanged] = useState<string | null>(null);
  const ticket = resource.data;

  return (
    <section aria-labelledby="challan-ticket-title">
      <p>
        <Link to={`${BASE_PATH}/tickets`}>{t("challan.tickets.allTickets")}</Link>
      </p>
      <h2 id="challan-ticket-title">
        {t("challan.tickets.ticket")}{" "}<span className="challan-mono">{number}</span>
      </h2>
      {resource.status === "unavailable" ? (
        <p className="state state-error" role="alert">
          {t("challan.tickets.thereIsNoTicket", { number })}
        </p>
      ) : (
        <StateMessage resource={resource} what={t("challan.tickets.theTicket")} />
      )}
      <div role="status">{changed ? <p className="state state-ok">{changed}</p> : null}</div>
      {ticket ? (
        <>
          <div className="challan-ticket-top">
            <TicketFacts ticket={ticket} />
            <div>
              <TicketPdfActions number={ticket.number} />
              {can(Permission.CHALLAN_VALIDATE) ? (
                <TicketStatusForm
                  ticket={ticket}
                  onChanged={(next) => {
                    setResource({ status: "ready", data: next });
                    setChanged(t("challan.tickets.ticketIsNow", { number: next.number, ticketStatusLabel: ticketStatusLabel(next.status).toLowerCase() }));
                  }}
                />
              ) : null}
            </div>
          </div>
          <TicketEvidence violationId={ticket.violation_id} />
        </>
      ) : null}
    </section>
  );
}

function TicketFacts({ ticket }: { ticket: Ticket }) {
  const cameraName = useCameraName();
  return (
    <dl className="challan-facts" data-testid="ticket-facts">
      <dt>{t("challan.tickets.offence")}</dt>
      <dd>{violationTypeLabel(ticket.violation_type)}</dd>
      <dt>{t("challan.tickets.time")}</dt>
      <dd>{formatTime(ticket.occurred_at)}</dd>
      <dt>{t("challan.tickets.camera")}</dt>
      <dd>{cameraName(ticket.camera_id)}</dd>
      <dt>{t("challan.tickets.plate")}</dt>
      <dd className="challan-mono">{ticket.plate}</dd>
      <dt>{t("challan.tickets.vehicleClass")}</dt>
      <dd>{ticket.vehicle_class}</dd>
      <dt>{t("challan.tickets.owner")}</dt>
      <dd>
        <RegistryOwner plate={ticket.plate} />
      </dd>
      <dt>{t("challan.tickets.fine")}</dt>
      <dd data-testid="ticket-fine">
        {ticket.fine} {ticket.currency}
      </dd>
      <dt>{t("challan.tickets.status")}</dt>
      <dd data-testid="ticket-status">
        {ticketStatusLabel(ticket.status)}
        {ticket.status_reason ? ` (${ticket.status_reason})` : ""}
      </dd>
      <dt>{t("challan.tickets.issued")}</dt>
      <dd>{formatTime(ticket.issued_at)}</dd>
      <dt>{t("challan.tickets.due")}</dt>
      <dd>{formatTime(ticket.due_at)}</dd>
      {ticket.paid_at ? (
        <>
          <dt>{t("challan.tickets.paid")}</dt>
          <dd>{formatTime(ticket.paid_at)}</dd>
        </>
      ) : null}
      <dt>{t("challan.tickets.publicVerification")}</dt>
      <dd>
        <a href={ticket.verify_url} target="_blank" rel="noreferrer">
          {t("challan.tickets.verificationPage")}
        </a>
      </dd>
    </dl>
  );
}

function TicketEvidence({ violationId }: { violationId: string }) {
  const { resource } = useViolation(violationId);
  return (
    <section aria-label={t("challan.tickets.ticketEvidence")}>
      <StateMessage resource={resource} what={t("challan.tickets.theEvidence")} />
      {resource.data ? (
        <>
          <h3>{t("challan.tickets.plate")}</h3>
          <PlatePanel violation={resource.data} />
          <EvidenceGallery violation={resource.data} />
        </>
      ) : null}
    </section>
  );
}
