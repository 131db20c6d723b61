import { useState } from "react";
import { Link } from "react-router";
import { ConfirmButton } from "../../components/ConfirmButton";
import { healthTone, stateWords } from "./health";
import type { CameraOut } from "./types";
import { UptimeCell } from "./UptimeCell";

interface Props {
  camera: CameraOut;
  /** Resolve to an error message, or null when done. */
  onToggle: (camera: CameraOut) => Promise<string | null>;
  onDelete: (camera: CameraOut) => Promise<string | null>;
}

/** One camera: what it is, how it is doing, and what an admin can do with it. */
export function CameraRow({ camera, onToggle, onDelete }: Props) {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: (camera: CameraOut) => Promise<string | null>) => setError(await action(camera));
  const where = [camera.district, camera.zone].filter(Boolean).join(" / ") || "—";
  const path = `/admin/cameras/${encodeURIComponent(camera.id)}`;
  return (
    <tr className={camera.enabled ? undefined : "row-disabled"}>
      <th scope="row">{camera.name}</th>
      <td>
        <code>{camera.id}</code>
      </td>
      <td>{where}</td>
      <td>{camera.enabled ? "Enabled" : "Disabled"}</td>
      <td>
        <span className={`camera-health camera-health-${healthTone(camera.health.state)}`}>
          <span className="dot" aria-hidden="true" />
          {stateWords(camera.health.state)}
        </span>
        {camera.health.reason ? <span className="muted camera-reason">{camera.health.reason}</span> : null}
      </td>
      <td>
        <UptimeCell cameraId={camera.id} />
      </td>
      <td>
        <div className="camera-actions">
        <Link className="btn btn-small" to={`${path}/edit`} aria-label={`Edit ${camera.name}`}>
          Edit
        </Link>
        <Link className="btn btn-small" to={`${path}/scene`} aria-label={`Scene of ${camera.name}`}>
          Scene
        </Link>
        <button
          type="button"
          className={camera.enabled ? "btn btn-small" : "btn btn-primary btn-small"}
          aria-label={`${camera.enabled ? "Disable" : "Enable"} ${camera.name}`}
          onClick={() => void run(onToggle)}
        >
          {camera.enabled ? "Disable" : "Enable"}
        </button>
        <ConfirmButton
          small
          label={`Delete ${camera.name}`}
          text="Delete"
          question={`Delete ${camera.name} and its health history?`}
          groupLabel={`Confirm deleting ${camera.name}`}
          confirmLabel="Yes, delete"
          cancelLabel="Keep it"
          focusCancel
          onConfirm={() => run(onDelete)}
        />
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
