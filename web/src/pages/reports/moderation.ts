/** Citizen reports as the moderator handles them, and what the citizen then sees of their report. */
import type { Schemas } from "../../api/schemas";
import { formatCoordinates } from "../../format/places";
import { messageRecord, t } from "../../i18n/catalogue";

export type Report = Schemas["ReportOut"];
export type Moderation = "pending" | "accepted" | "rejected" | "spam";
export type Decision = Exclude<Moderation, "pending">;

export const MODERATIONS: readonly Moderation[] = ["pending", "accepted", "rejected", "spam"];

export const MODERATION_LABEL: Record<Moderation, string> = messageRecord({
  pending: "reports.moderation.pending",
  accepted: "reports.moderation.accepted",
  rejected: "reports.moderation.rejected",
  spam: "reports.moderation.spam",
});

export const moderationLabel = (code: string): string => MODERATION_LABEL[code as Moderation] ?? code;

/** Decisions are made once, on a pending report; after acceptance only its open/closed status changes. */
export function decisionsFor(report: Report): Decision[] {
  return report.moderation === "pending" ? ["accepted", "rejected", "spam"] : [];
}

export function statusChangeFor(report: Report): "open" | "closed" | null {
  if (report.moderation !== "accepted") return null;
  return report.status === "closed" ? "open" : "closed";
}

/** Who reported, as the moderator may read it; "Anonymous" when the citizen chose so. */
export function reporterOf(report: Report): string {
  if (report.anonymous) return t("reports.anonymous");
  const name = [report.first_name, report.last_name].filter(Boolean).join(" ");
  const contact = [report.phone, report.email].filter(Boolean).join(", ");
  return [name, contact].filter(Boolean).join(" · ") || t("reports.anonymous");
}

/** Where, in words: the address and/or the coordinates. */
export function placeOf(report: Report): string {
  const point = report.latitude !== null && report.longitude !== null ? formatCoordinates(report.latitude, report.longitude) : "";
  return [report.address_string, point].filter(Boolean).join(" · ") || "—";
}

/** The citizen's own view of the report (Open311 with their token): the status, the notes, the decision. */
export function citizenSees(report: Report): string[] {
  return [
    t("reports.citizenStatus", { status: `${report.status} (${moderationLabel(report.moderation)})` }),
    t("reports.citizenNotes", { notes: report.status_notes || "—" }),
  ];
}

/** The stored photo's hash when it is in safecity's media store (not an outside URL). */
export function photoOf(report: Report): string | null {
  return report.media_sha256 && /^[0-9a-f]{64}$/.test(report.media_sha256) ? report.media_sha256 : null;
}
