/** Shapes of /api/v1/persons, from the API's schema, and the words for their statuses. */
import type { Schemas } from "../../api/schemas";
import { messageRecord } from "../../i18n/catalogue";

export type Person = Schemas["PersonOut"];
export type PersonPage = Schemas["PersonPageOut"];
export type PersonStatus = Schemas["PersonStatus"];
export type Gender = Schemas["Gender"];
export type TimelineEntry = Schemas["TimelineEntryOut"];
export type Vehicle = Schemas["VehicleOut"];
export type Link = Schemas["PersonLinkOut"];
export type LinkKind = Schemas["LinkKind"];
export type Cooccurrence = Schemas["CooccurrenceOut"];

const STATUS_LABELS = messageRecord<PersonStatus>({
  wanted: "persons.status.wanted",
  proclaimed_offender: "persons.status.proclaimedOffender",
  missing: "persons.status.missing",
  suspect: "persons.status.suspect",
  released: "persons.status.released",
});
export const PERSON_STATUSES = Object.keys(STATUS_LABELS) as PersonStatus[];
export const statusLabel = (status: PersonStatus): string => STATUS_LABELS[status];

const GENDER_LABELS = messageRecord<Gender>({
  female: "persons.gender.female",
  male: "persons.gender.male",
  transgender: "persons.gender.transgender",
});
export const GENDERS = Object.keys(GENDER_LABELS) as Gender[];
export const genderLabel = (gender: Gender): string => GENDER_LABELS[gender];

export type DuplicateReason = Schemas["DuplicateReason"];

const DUPLICATE_REASON_LABELS = messageRecord<DuplicateReason>({
  same_cnic: "persons.merge.reason.sameCnic",
  same_name_father_date_of_birth: "persons.merge.reason.sameNameFatherBirth",
});
export const duplicateReasonLabel = (reason: DuplicateReason): string => DUPLICATE_REASON_LABELS[reason] ?? reason;
