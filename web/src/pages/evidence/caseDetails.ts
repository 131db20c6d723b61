/** Editing a case's details: only what changed is sent (PATCH /api/v1/evidence/cases/{id}). */
import type { EvidenceCase } from "./types";

export interface CaseDetailsForm {
  title: string;
  description: string;
  incident_ref: string;
}

export type CaseDetailsPatch = Partial<CaseDetailsForm>;
export type CaseDetailsErrors = Partial<Record<keyof CaseDetailsForm, string>>;

export const CASE_DETAIL_LIMITS: Record<keyof CaseDetailsForm, number> = {
  title: 200,
  description: 10_000,
  incident_ref: 128,
};

export function caseDetailsForm(theCase: EvidenceCase): CaseDetailsForm {
  return { title: theCase.title, description: theCase.description, incident_ref: theCase.incident_ref };
}

/** The fields that differ from the case (title and incident reference trimmed, as the server does), or the
 * message for each bad field. An empty patch means nothing changed. */
export function caseDetailsPatch(
  theCase: EvidenceCase,
  form: CaseDetailsForm,
): { patch: CaseDetailsPatch } | { errors: CaseDetailsErrors } {
  const next: CaseDetailsForm = {
    title: form.title.trim(),
    description: form.description,
    incident_ref: form.incident_ref.trim(),
  };
  const errors: CaseDetailsErrors = {};
  if (!next.title) errors.title = "A case needs a title.";
  for (const key of Object.keys(CASE_DETAIL_LIMITS) as (keyof CaseDetailsForm)[]) {
    if (next[key].length > CASE_DETAIL_LIMITS[key]) errors[key] = `At most ${CASE_DETAIL_LIMITS[key]} characters.`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const patch: CaseDetailsPatch = {};
  for (const key of Object.keys(next) as (keyof CaseDetailsForm)[]) {
    if (next[key] !== theCase[key]) patch[key] = next[key];
  }
  return { patch };
}
