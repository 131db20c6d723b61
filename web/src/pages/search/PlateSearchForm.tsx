import type { Camera } from "../../api/types";
import { FieldHint, FormField } from "../../components/FormField";
import { EMPTY_PLATE_FORM, RESULT_LIMITS, type PlateFormErrors, type PlateSearchForm as Form } from "./plateQuery";
import { ScopeFields } from "./TimeRangeFields";
import { LimitSelect, SearchActions, SearchForm } from "./SearchFields";
import { useSearchForm } from "./useSearchForm";
import { t } from "../../i18n/catalogue";

export function PlateSearchForm({
  cameras,
  errors,
  formError,
  busy,
  onSearch,
}: {
  cameras: Camera[];
  errors: PlateFormErrors;
  formError: string | null;
  busy: boolean;
  onSearch: (form: Form) => void;
}) {
  const { form, change, submit } = useSearchForm(EMPTY_PLATE_FORM, onSearch);

  return (
    <SearchForm title={t("search.searchPlateReads")} onSubmit={submit}>
      <FormField
        id="plate-pattern"
        label={t("search.plateOrPattern")}
        error={errors.plate}
        hint={
          <>
            <code>*</code> stands for any run of characters, <code>?</code> for exactly one: <code>LE?-06-57*</code>,{" "}
            <code>*5700</code>. Separators are ignored; a two-digit middle group is the year. At least 3 letters or
            digits.
          </>
        }
      >
        {(control) => (
          <input
            value={form.plate}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => change({ plate: e.target.value })}
            {...control}
          />
        )}
      </FormField>
      <ScopeFields idPrefix="plate" cameras={cameras} scope={form} errors={errors} onChange={change} />
      <LimitSelect
        id="plate-limit"
        label={t("search.atMost")}
        values={RESULT_LIMITS}
        optionLabel={(limit) => t("search.reads", { limit })}
        value={form.limit}
        onChange={(limit) => change({ limit })}
      />
      <div className="field search-checkbox">
        <label>
          <input type="checkbox" checked={form.fuzzy} onChange={(e) => change({ fuzzy: e.target.checked })} aria-describedby="plate-fuzzy-hint" />{" "}{t("search.includeLookAlikeCharacters")}
        </label>
        <FieldHint id="plate-fuzzy-hint">
          {t("search.alsoFindsReadsWhere")}
        </FieldHint>
      </div>
      <SearchActions label={t("search.searchPlates")} busy={busy} error={formError} />
    </SearchForm>
  );
}
