/**
 * The create/edit form's draft of a record: from a record, checked before sending, and as the API's body
 * (the whole record for a create; only what changed, with the reason, for an edit).
 */
import { ApiError } from "../../api/client";
import { describeError } from "../../api/errors";
import type { Schemas } from "../../api/schemas";
import { t } from "../../i18n/catalogue";
import type { Gender, Person, PersonStatus } from "./types";

export interface FirDraft {
  number: string;
  police_station: string;
}

export interface PersonDraft {
  name: string;
  /** One alias per line. */
  aliases: string;
  father_name: string;
  date_of_birth: string;
  gender: Gender | "";
  cnic: string;
  status: PersonStatus;
  legal_basis: string;
  legal_basis_expires: string;
  review_date: string;
  notes: string;
  firs: FirDraft[];
  reason: string;
}

/** Field names as the server names them in a 422 (`firs` for any FIR row), and `form` for the rest. */
export type DraftField = Exclude<keyof PersonDraft, never> | "form";
export type DraftErrors = Partial<Record<DraftField, string>>;

export const MIN_REASON_LENGTH = 5;
/** 13 digits, with or without the dashes of `35202-1234567-1`: a hint only, the server decides. */
export const CNIC_PATTERN = /^\d{5}-?\d{7}-?\d$/;

export function draftOf(person: Person | null): PersonDraft {
  return {
    name: person?.name ?? "",
    aliases: person?.aliases.join("\n") ?? "",
    father_name: person?.father_name ?? "",
    date_of_birth: person?.date_of_birth ?? "",
    gender: person?.gender ?? "",
    cnic: "",
    status: person?.status ?? "wanted",
    legal_basis: person?.legal_basis ?? "",
    legal_basis_expires: person?.legal_basis_expires ?? "",
    review_date: person?.review_date ?? "",
    notes: person?.notes ?? "",
    firs: person?.firs.map((fir) => ({ ...fir })) ?? [],
    reason: "",
  };
}

const aliasesOf = (text: string): string[] =>
  text
    .split(/\n|,/)
    .map((alias) => alias.trim())
    .filter(Boolean);

const firsOf = (rows: readonly FirDraft[]): FirDraft[] =>
  rows
    .map((row) => ({ number: row.number.trim(), police_station: row.police_station.trim() }))
    .filter((row) => row.number || row.police_station);

/** Problems found before sending; empty when the draft may go to the server. */
export function validateDraft(draft: PersonDraft, editing: boolean): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.name.trim()) errors.name = t("persons.error.name");
  if (!draft.legal_basis.trim()) errors.legal_basis = t("persons.error.legalBasis");
  if (!draft.review_date) errors.review_date = t("persons.error.reviewDate");
  if (firsOf(draft.firs).some((fir) => !fir.number || !fir.police_station)) errors.firs = t("persons.error.fir");
  if (editing && draft.reason.trim().length < MIN_REASON_LENGTH)
    errors.reason = t("persons.error.reason", { min: MIN_REASON_LENGTH });
  return errors;
}

export function createBody(draft: PersonDraft): Schemas["PersonIn"] {
  return {
    name: draft.name.trim(),
    aliases: aliasesOf(draft.aliases),
    father_name: draft.father_name.trim(),
    date_of_birth: draft.date_of_birth || null,
    gender: draft.gender || null,
    cnic: draft.cnic.trim() || null,
    status: draft.status,
    legal_basis: draft.legal_basis.trim(),
    legal_basis_expires: draft.legal_basis_expires || null,
    review_date: draft.review_date,
    notes: draft.notes.trim(),
    firs: firsOf(draft.firs),
  };
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/** The edit's body: the reason and each field that differs from the record (a CNIC only when one is typed). */
export function patchBody(draft: PersonDraft, person: Person): Schemas["PersonPatch"] {
  const next = createBody(draft);
  const body: Schemas["PersonPatch"] = { reason: draft.reason.trim() };
  const texts = ["name", "father_name", "status", "legal_basis", "review_date", "notes"] as const;
  for (const key of texts) if (next[key] !== person[key]) Object.assign(body, { [key]: next[key] });
  const optional = ["date_of_birth", "gender", "legal_basis_expires"] as const;
  for (const key of optional) if ((next[key] ?? null) !== person[key]) Object.assign(body, { [key]: next[key] ?? null });
  if (!sameList(next.aliases ?? [], person.aliases)) body.aliases = next.aliases;
  if (!sameList(next.firs ?? [], person.firs)) body.firs = next.firs;
  if (next.cnic) body.cnic = next.cnic;
  return body;
}

const FIELDS: readonly DraftField[] = [
  "name", "aliases", "father_name", "date_of_birth", "gender", "cnic", "status", "legal_basis",
  "legal_basis_expires", "review_date", "notes", "firs", "reason",
];

/** A refusal, placed beside the field it names (any problem inside an FIR row goes to `firs`). */
export function refusalErrors(caught: unknown): DraftErrors {
  if (!(caught instanceof ApiError) || caught.problems.length === 0) return { form: describeError(caught) };
  const errors: DraftErrors = {};
  for (const problem of caught.problems) {
    const named = problem.path[0] === "firs" ? "firs" : problem.field;
    const own = (FIELDS as readonly string[]).includes(named);
    const key: DraftField = own ? (named as DraftField) : "form";
    const text = own || !named ? problem.message : `${named}: ${problem.message}`;
    errors[key] = errors[key] ? `${errors[key]}; ${text}` : text;
  }
  return errors;
}
