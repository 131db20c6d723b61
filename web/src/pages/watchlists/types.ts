/** Shapes of /api/v1/hotlists and /api/v1/watchlists/persons, from the API's schema, and their words. */
import type { Schemas } from "../../api/schemas";
import { messageRecord } from "../../i18n/catalogue";

export type Hotlist = Schemas["HotlistOut"];
export type HotlistEntry = Schemas["EntryOut"];
export type ImportReport = Schemas["ImportOut"];
export type Subject = Schemas["SubjectOut"];
export type SubjectImage = Schemas["ImageOut"];
export type Enrolled = Schemas["EnrolledOut"];
export type HotlistKind = Schemas["HotlistKind"];
export type SubjectCategory = Schemas["SubjectCategory"];

const HOTLIST_KIND_LABELS: Record<HotlistKind, string> = messageRecord<HotlistKind>({
  wanted: "watchlists.wanted",
  stolen: "watchlists.stolen",
  suspect: "watchlists.suspect",
  watch: "watchlists.watch",
  other: "watchlists.other",
});
export const HOTLIST_KINDS = Object.keys(HOTLIST_KIND_LABELS) as HotlistKind[];

/** The server's MAX_EDIT_BUDGET: how many OCR edits a read may differ from a listed plate and still hit. */
export const MAX_EDIT_BUDGET = 2;

const SUBJECT_CATEGORY_LABELS: Record<SubjectCategory, string> = messageRecord<SubjectCategory>({
  wanted: "watchlists.wanted",
  missing: "watchlists.missingPerson",
  suspect: "watchlists.suspect",
  vip_protection: "watchlists.vipProtection",
  person_of_interest: "watchlists.personOfInterest",
  other: "watchlists.other",
});
export const SUBJECT_CATEGORIES = Object.keys(SUBJECT_CATEGORY_LABELS) as SubjectCategory[];

/** A hotlist's kind in words (stored lists carry the kind as a plain string). */
export function hotlistKindLabel(kind: string): string {
  return HOTLIST_KIND_LABELS[kind as HotlistKind] ?? kind;
}

export function subjectCategoryLabel(category: string): string {
  return SUBJECT_CATEGORY_LABELS[category as SubjectCategory] ?? category;
}
