/** Shapes of /api/v1/hotlists and /api/v1/watchlists/persons, from the API's schema, and their words. */
import type { Schemas } from "../../api/schemas";
import { t } from "../../i18n/catalogue";

export type Hotlist = Schemas["HotlistOut"];
export type HotlistEntry = Schemas["EntryOut"];
export type ImportReport = Schemas["ImportOut"];
export type Subject = Schemas["SubjectOut"];
export type SubjectImage = Schemas["ImageOut"];
export type Enrolled = Schemas["EnrolledOut"];
export type HotlistKind = Schemas["HotlistKind"];
export type SubjectCategory = Schemas["SubjectCategory"];

const HOTLIST_KIND_LABELS: Record<HotlistKind, string> = {
  get wanted() {
    return t("watchlists.wanted");
  },
  get stolen() {
    return t("watchlists.stolen");
  },
  get suspect() {
    return t("watchlists.suspect");
  },
  get watch() {
    return t("watchlists.watch");
  },
  get other() {
    return t("watchlists.other");
  },
};
export const HOTLIST_KINDS = Object.keys(HOTLIST_KIND_LABELS) as HotlistKind[];

/** The server's MAX_EDIT_BUDGET: how many OCR edits a read may differ from a listed plate and still hit. */
export const MAX_EDIT_BUDGET = 2;

const SUBJECT_CATEGORY_LABELS: Record<SubjectCategory, string> = {
  get wanted() {
    return t("watchlists.wanted");
  },
  get missing() {
    return t("watchlists.missingPerson");
  },
  get suspect() {
    return t("watchlists.suspect");
  },
  get vip_protection() {
    return t("watchlists.vipProtection");
  },
  get person_of_interest() {
    return t("watchlists.personOfInterest");
  },
  get other() {
    return t("watchlists.other");
  },
};
export const SUBJECT_CATEGORIES = Object.keys(SUBJECT_CATEGORY_LABELS) as SubjectCategory[];

/** A hotlist's kind in words (stored lists carry the kind as a plain string). */
export function hotlistKindLabel(kind: string): string {
  return HOTLIST_KIND_LABELS[kind as HotlistKind] ?? kind;
}

export function subjectCategoryLabel(category: string): string {
  return SUBJECT_CATEGORY_LABELS[category as SubjectCategory] ?? category;
}
