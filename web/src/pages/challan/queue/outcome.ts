import { reasonLabel } from "../labels";
import type { DecisionOutcome } from "../types";

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
      return { text: `Accepted: ticket ${ticket?.number ?? ""} issued.`, ticketNumber: ticket?.number ?? null };
    case "duplicate":
      return {
        text: `Recorded as a duplicate: already ticketed as ${ticket?.number ?? "an earlier ticket"}.`,
        ticketNumber: ticket?.number ?? null,
      };
    case "rejected":
      return { text: `Rejected: ${reasonLabel(violation.reason ?? "other")}.`, ticketNumber: null };
    default:
      // "pending": accepted, but the registry does not know the plate or the vehicle: a registry clerk takes it from here.
      return { text: `Not ticketed yet: ${outcome.message}.`, ticketNumber: null };
  }
}
