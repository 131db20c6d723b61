import { FormField } from "../../components/FormField";
import type { Camera } from "../../api/types";
import { CameraField } from "./CameraField";
import type { ScopeField, SearchScope, TimeRangeErrors } from "./timeRange";
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
  const optional = required ? "" : " (optional)";
  const bounds = [
    { name: "since", label: t("search.from", { optional }), value: since },
    { name: "until", label: t("search.until", { optional }), value: until },
  ] as const;
  return (
    <>
      {bounds.map(({ name, label, value }) => (
        <FormField key={name} id={`${idPrefix}-${name}`} label={label} error={errors[name]}>
          {(control) => (
            <input
              type="datetime-local"
              step={1}
              value={value}
              required={required}
              onChange={(e) => onChange({ [name]: e.target.value })}
              {...control}
            />
          )}
        </FormField>
      ))}
    </>
  );
}

/** A search's scope: the camera (or all), then the time range; ids start with `idPrefix`. */
export function ScopeFields({
  idPrefix,
  cameras,
  scope,
  errors,
  required = false,
  onChange,
}: {
  idPrefix: string;
  cameras: Camera[];
  scope: SearchScope;
  errors: Partial<Record<ScopeField, string>>;
  required?: boolean;
  onChange: (change: Partial<SearchScope>) => void;
}) {
  return (
    <>
      <CameraField
        id={`${idPrefix}-camera`}
        cameras={cameras}
        value={scope.cameraId}
        error={errors.cameraId}
        onChange={(cameraId) => onChange({ cameraId })}
      />
      <TimeRangeFields idPrefix={idPrefix} since={scope.since} until={scope.until} errors={errors} required={required} onChange={onChange} />
    </>
  );
}
