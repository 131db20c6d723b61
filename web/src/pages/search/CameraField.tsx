import type { Camera } from "../../api/types";
import { FormField } from "../../components/FormField";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

/** Choose one camera from the registry, or type its id when the registry cannot be read. */
export function CameraField({
  id,
  cameras,
  value,
  error,
  onChange,
}: {
  id: string;
  cameras: Camera[];
  value: string;
  error?: string;
  onChange: (cameraId: string) => void;
}) {
  return (
    <FormField id={id} label={t("search.camera")} error={error}>
      {(control) =>
        cameras.length > 0 ? (
          <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t("search.anyCamera")}</option>
            <Options items={cameras} value={(camera) => camera.id} label={(camera) => `${camera.name} (${camera.id})`} />
          </select>
        ) : (
          <input
            {...control}
            value={value}
            placeholder={t("search.cameraIdOrEmpty")}
            onChange={(e) => onChange(e.target.value.trim())}
          />
        )
      }
    </FormField>
  );
}
