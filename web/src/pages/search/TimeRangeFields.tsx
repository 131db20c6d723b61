import { FormField } from "../../components/FormField";
import type { TimeRangeErrors } from "./timeRange";
import { t } from "../../i18n/catalogue";

/** From / until in the browser's local time; until is exclusive, as on the server. */
export function TimeRangeFields({
  idPrefix,
  since,
  until,
  errors,
  required = false,
  onChange,
}: {
  idPrefix: string;
  since: string;
  until: string;
  errors: TimeRangeErrors;
  required?: boolean;
  onChange: (change: { since?: string; until?: string }) => void;
}) {
  const sinceId = `${idPrefix}-since`;
  const untilId = `${idPrefix}-until`;
  const optional = required ? "" : " (optional)";
  return (
    <>
      <FormField id={sinceId} label={t("search.from", { optional })} error={errors.since}>
        {(control) => (
          <input
            type="datetime-local"
            step={1}
            value={since}
            required={required}
            onChange={(e) => onChange({ since: e.target.value })}
            {...control}
          />
        )}
      </FormField>
      <FormField id={untilId} label={t("search.until", { optional })} error={errors.until}>
        {(control) => (
          <input
            type="datetime-local"
            step={1}
            value={until}
            required={required}
            onChange={(e) => onChange({ until: e.target.value })}
            {...control}
          />
        )}
      </FormField>
    </>
  );
}
