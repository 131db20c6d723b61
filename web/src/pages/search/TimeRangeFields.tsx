import { describedBy, FormField } from "./FormField";
import type { TimeRangeErrors } from "./timeRange";

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
      <FormField id={sinceId} label={`From${optional}`} error={errors.since}>
        <input
          id={sinceId}
          type="datetime-local"
          step={1}
          value={since}
          required={required}
          onChange={(e) => onChange({ since: e.target.value })}
          {...describedBy(sinceId, false, errors.since)}
        />
      </FormField>
      <FormField id={untilId} label={`Until${optional}`} error={errors.until}>
        <input
          id={untilId}
          type="datetime-local"
          step={1}
          value={until}
          required={required}
          onChange={(e) => onChange({ until: e.target.value })}
          {...describedBy(untilId, false, errors.until)}
        />
      </FormField>
    </>
  );
}
