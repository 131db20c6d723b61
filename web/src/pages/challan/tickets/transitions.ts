/** Ticket status changes an officer may make (TRANSITIONS and StatusIn in src/safecity/challan). */
import type { TicketStatus } from "../types";
import { messageRecord, t } from "../../../i18n/catalogue";

/** `paid` only comes through a payment and `overdue` through the due-date sweep, so officers never set them. */
export type OfficerStatus = "delivered" | "contested" | "cancelled";

const ALLOWED: Record<TicketStatus, readonly OfficerStatus[]> = {
  issued: ["delivered", "contested", "cancelled"],
  delivered: ["contested", "cancelled"],
  overdue: ["contested", "cancelled"],
  contested: ["delivered", "cancelled"],
  paid: [],
  cancelled: [],
};

export function officerTransitions(status: string): readonly OfficerStatus[] {
  return ALLOWED[status as TicketStatus] ?? [];
}

export const needsReason = (status: OfficerStatus): boolean => status !== "delivered";

export const REASON_MAX = 2000;

export function validateStatusChange(status: OfficerStatus | "", reason: string): { status?: string; reason?: string } {
  if (!status) return { status: t("challan.tickets.chooseTheNewStatus") };
  if (needsReason(status) && !reason.trim()) return { reason: t("challan.tickets.sayWhyTheTicket", { status }) };
  if (reason.length > REASON_MAX) return { reason: t("challan.tickets.atMostCharacters", { reasonMax: REASON_MAX }) };
  return {};
}

export const STATUS_ACTION: Record<OfficerStatus, string> = messageRecord<OfficerStatus>({
  delivered: "challan.tickets.markDelivered",
  contested: "challan.tickets.markContested",
  cancelled: "challan.tickets.cancelTheTicket",
});
