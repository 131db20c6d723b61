import { describeError, fieldOfError, reasonOf } from "../../api/errors";
import { t } from "../../i18n/catalogue";

/** Where a search page shows a failure. */
export interface FailureTargets<F extends string> {
  setErrors: (errors: Partial<Record<F, string>>) => void;
  setFormError: (message: string) => void;
  setStatus: (text: string) => void;
  /** The words beside a field, from the server's reason (default: the reason alone). */
  fieldMessage?: (field: F, reason: string) => string;
}

/**
 * A search request's onError: the server's reason beside the form field it names, else the failure in
 * words under the form (a missing route reads "<searchName> is not available on this server").
 */
export function searchFailureHandler<F extends string>(
  fields: Readonly<Record<F, RegExp>>,
  searchName: string,
  targets: FailureTargets<NoInfer<F>>,
): (caught: unknown) => void {
  return (caught) => {
    const field = fieldOfError(caught, fields);
    if (field) {
      const reason = reasonOf(caught);
      targets.setErrors({ [field]: targets.fieldMessage ? targets.fieldMessage(field, reason) : reason } as Partial<Record<F, string>>);
    } else {
      targets.setFormError(describeError(caught, { unavailable: searchName }));
    }
    targets.setStatus(t("search.theSearchFailed"));
  };
}

/** The photo searches' words beside a field: a refused photo (the `file` field) says the server could not use it. */
export function photoFieldMessage(field: string, reason: string): string {
  return field === "file" ? t("search.theServerCouldNot", { reason }) : reason;
}
