import { useState } from "react";
import { useMutation } from "../../api/useMutation";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { hasErrors } from "./plateQuery";
import { searchFailureHandler } from "./searchFailure";
import { t } from "../../i18n/catalogue";

/** A search that came back: what was asked, why, and the answer. */
export interface SearchDone<Form, Response> {
  form: Form;
  purpose: Purpose;
  response: Response;
  /** Changes with every search so the results start again at page 1. */
  generation: number;
}

interface Options<Form, Field extends string, ServerField extends Field, Response> {
  validate: (form: Form) => Partial<Record<Field, string>>;
  /** What the purpose prompt says is about to be searched. */
  describe: (form: Form) => string;
  request: (form: Form, purpose: Purpose) => Promise<Response>;
  /** The status line while searching, and once the answer is in. */
  searching: string;
  found: (response: Response, form: Form) => string;
  /** Which server messages belong beside which field, and the search's name for any other failure. */
  serverFields: Readonly<Record<ServerField, RegExp>>;
  searchName: string;
  fieldMessage?: (field: NoInfer<ServerField>, reason: string) => string;
  onFound?: () => void;
}

/**
 * A search of personal data (plates, faces, persons): the form is checked, the operator gives a purpose, then
 * the server is asked; the status line, the errors beside the fields and the last answer are kept here.
 */
export function usePurposeSearch<Form, Field extends string, ServerField extends Field, Response>(
  options: Options<Form, Field, ServerField, Response>,
) {
  const [purposeDialog, askPurpose] = usePurposePrompt();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [done, setDone] = useState<SearchDone<Form, Response> | null>(null);
  const { serverFields, searchName, fieldMessage } = options;
  // A field the server names is one of the form's fields.
  const setServerErrors = (found: Partial<Record<ServerField, string>>) => setErrors(found as Partial<Record<Field, string>>);
  const mutation = useMutation(options.request, {
    onSuccess: (response, form, purpose) => {
      setDone((previous) => ({ form, purpose, response, generation: (previous?.generation ?? 0) + 1 }));
      options.onFound?.();
      setStatus(options.found(response, form));
    },
    onError: searchFailureHandler(serverFields, searchName, { setErrors: setServerErrors, setFormError, setStatus, fieldMessage }),
  });

  const search = async (form: Form) => {
    const found = options.validate(form);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      setStatus(t("search.correctTheHighlightedFields"));
      return;
    }
    const purpose = await askPurpose(options.describe(form));
    if (!purpose) {
      setStatus(t("search.searchCancelledNoPurpose"));
      return;
    }
    setStatus(options.searching);
    await mutation.run(form, purpose);
  };

  return { purposeDialog, errors, formError, status, done, busy: mutation.busy, search };
}
