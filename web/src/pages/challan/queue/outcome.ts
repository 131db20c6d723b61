import { reasonLabel } from "../labels";
import type { DecisionOutcome } from "../types";
import { t } from "../../../i18n/catalogue";

export interface Notice {
  text: string;
  /** The ticket the decision issued (or the earlier one it duplicates), to link to. */
  ticketNumber: string | null;
}

/** What a decision did, in a sentence for the status line. */
export function noticeFor(outcome: DecisionOutcome): Notice {
  const { violation, ticket } = outcome;
  switch (violation.status) {
    case "accepted":
      return { text: t("challan.queue.acceptedTicketIssued", { number: ticket?.number ?? "" }), ticketNumber: ticket?.number ?? null };
    case "duplicate":
      return {
        text: t("challan.queue.recordedAsDuplicate", { number: ticket?.number ?? t("challan.queue.anEarlierTicket") }),
        ticketNumber: ticket?.number ?? null,
      };
    case "rejected":
      return { text: `Rejected: ${reasonLabel(violation.reason ?? "other")}.`, ticketNumber: null };
    default:
      // "pending": accepted, but the registry does not know the plate or the vehicle: a registry clerk takes it from here.
      return { text: t("challan.queue.notTicketedYet", { message: outcome.message }), ticketNumber: null };
  }
}
