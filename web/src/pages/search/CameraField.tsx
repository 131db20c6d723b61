import type { Camera } from "../../api/types";
import { describedBy, FormField } from "./FormField";

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
    <FormField id={id} label="Camera" error={error}>
      {cameras.length > 0 ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...describedBy(id, false, error)}>
          <option value="">Any camera</option>
          {cameras.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {camera.name} ({camera.id})
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          value={value}
          placeholder="Camera id, or empty for any"
          onChange={(e) => onChange(e.target.value.trim())}
          {...describedBy(id, false, error)}
        />
      )}
    </FormField>
  );
}
