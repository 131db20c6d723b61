/**
 * Refusals in words, keyed by the form field that caused them. A 422's problems come with their fields
 * from the shared client (`ApiError.problems`); this adds the watchlist wording of 403/404/409.
 */
import { ApiError, fieldErrors } from "../../../api/client";
import { t } from "../../../i18n/catalogue";

/** Messages keyed by form field; `form` holds what belongs to no field of the form. */
export type FormErrors = Record<string, string>;

export const FORM = "form";

/**
 * Words for a failed change, keyed by the field that caused it. `fields` are the form's own field names
 * (a problem naming another field is shown at form level, with its name); `conflictField` receives a 409.
 */
export function formErrorsOf(caught: unknown, fields: readonly string[], conflictField: string = FORM): FormErrors {
  if (caught instanceof ApiError && caught.status === 422 && caught.problems.length > 0)
    return fieldErrors(caught, fields, FORM);
  if (caught instanceof ApiError && caught.status === 409) return { [conflictField]: caught.detail };
  if (caught instanceof ApiError && caught.status === 403)
    return { [FORM]: t("watchlists.shared.notPermittedYourRole", { detail: caught.detail }) };
  if (caught instanceof ApiError && caught.status === 404)
    return { [FORM]: t("watchlists.shared.notFoundSomeoneMay", { detail: caught.detail }) };
  return { [FORM]: caught instanceof Error ? caught.message : String(caught) };
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.keys(errors).length > 0;
}
