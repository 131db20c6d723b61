/** The plate search form: validation that mirrors the server's pattern rules, and the query it sends. */
import type { QueryOf } from "../../api/schemas";
import { purposeQuery, type Purpose } from "../../components/PurposeDialog";
import { ANY_SCOPE, type ScopeField, type SearchScope, toInstant, validateTimeRange } from "./timeRange";
import { t } from "../../i18n/catalogue";

export const MAX_PATTERN_LENGTH = 24;
export const MIN_LITERALS = 3;
export const RESULT_LIMITS = [100, 500, 1000] as const;

export interface PlateSearchForm extends SearchScope {
  plate: string;
  fuzzy: boolean;
  limit: number;
}

export type PlateFormField = ScopeField | "plate";
export type PlateFormErrors = Partial<Record<PlateFormField, string>>;

export const EMPTY_PLATE_FORM: PlateSearchForm = { ...ANY_SCOPE, plate: "", fuzzy: false, limit: 100 };

const ALLOWED = /^[A-Za-z0-9*?\s\-_./]+$/;
const SEPARATORS = /[\s\-_./]+/;
const YEAR_GROUP = /^[0-9?]{2}$/;

/** Letters and digits the server will match on: a two-digit middle group is the year, a filter, not key. */
function keyLiterals(pattern: string): number {
  const groups = pattern.trim().split(SEPARATORS).filter(Boolean);
  if (groups.length === 3 && YEAR_GROUP.test(groups[1] ?? "")) groups.splice(1, 1);
  return groups.join("").replace(/[*?]/g, "").length;
}

/** null when the pattern is acceptable (or empty: the plate is optional). */
export function validatePlatePattern(pattern: string): string | null {
  const text = pattern.trim();
  if (!text) return null;
  if (text.length > MAX_PATTERN_LENGTH) return t("search.atMostCharacters", { maxPatternLength: MAX_PATTERN_LENGTH });
  if (!ALLOWED.test(text)) return t("search.useLettersDigitsSeparators");
  if (keyLiterals(text) < MIN_LITERALS)
    return t("search.giveAtLeastLetters", { minLiterals: MIN_LITERALS });
  return null;
}

export function validatePlateForm(form: PlateSearchForm): PlateFormErrors {
  const errors: PlateFormErrors = { ...validateTimeRange(form.since, form.until) };
  const plateError = validatePlatePattern(form.plate);
  if (plateError) errors.plate = plateError;
  else if (!form.plate.trim() && !form.cameraId && !form.since.trim() && !form.until.trim())
    errors.plate = "Give a plate, a camera or a time range: searching every read is not allowed.";
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}

/** Query parameters of `GET /api/v1/plates/reads`. */
export function readsQuery(form: PlateSearchForm, purpose: Purpose): QueryOf<"/api/v1/plates/reads", "get"> {
  return {
    plate: form.plate.trim() || undefined,
    fuzzy: form.fuzzy ? true : undefined,
    camera_id: form.cameraId || undefined,
    since: toInstant(form.since),
    until: toInstant(form.until),
    limit: form.limit,
    ...purposeQuery(purpose),
  };
}

/** Query parameters of `GET /api/v1/plates/trajectory` for one plate, within the search's time range. */
export function trajectoryQuery(
  plate: string,
  form: PlateSearchForm,
  purpose: Purpose,
): QueryOf<"/api/v1/plates/trajectory", "get"> {
  return { plate, since: toInstant(form.since), until: toInstant(form.until), ...purposeQuery(purpose) };
}

/** What the purpose dialog says is about to be searched. */
export function describePlateSearch(form: PlateSearchForm, cameraName: (id: string) => string): string {
  const parts = [form.plate.trim() ? t("search.plateSearch", { plate: form.plate.trim() }) : t("search.plateReads")];
  if (form.fuzzy) parts.push("including look-alike characters");
  if (form.cameraId) parts.push(`at ${cameraName(form.cameraId)}`);
  return parts.join(", ");
}
