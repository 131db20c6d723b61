import { useState } from "react";
import { Link } from "react-router";
import type { Column } from "../../components/RecordTable";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FieldError } from "../../components/FormField";
import { healthTone, stateWords } from "./health";
import type { CameraOut } from "./types";
import { UptimeCell } from "./UptimeCell";

/** What an admin can do with a camera; each resolves to an error message, or null when done. */
export interface CameraActions {
  onToggle: (camera: CameraOut) => Promise<string | null>;
  onDelete: (camera: CameraOut) => Promise<string | null>;
}

/** One camera a row: what it is, how it is doing, and what an admin can do with it. */
export function cameraColumns(actions: CameraActions): Column<CameraOut>[] {
  return [
    { header: "Name", rowHeader: true, cell: (camera) => camera.name },
    { header: "ID", cell: (camera) => <code>{camera.id}</code> },
    { header: "District / zone", cell: (camera) => [camera.district, camera.zone].filter(Boolean).join(" / ") || "—" },
    { header: "Status", cell: (camera) => (camera.enabled ? "Enabled" : "Disabled") },
    { header: "Health", cell: (camera) => <HealthCell camera={camera} /> },
    { header: "Uptime (7 days)", cell: (camera) => <UptimeCell cameraId={camera.id} /> },
    { header: "Actions", cell: (camera) => <ActionsCell camera={camera} actions={actions} /> },
  ];
}

function HealthCell({ camera }: { camera: CameraOut }) {
  return (
    <>
      <span className={`camera-health camera-health-${healthTone(camera.health.state)}`}>
        <span className="dot" aria-hidden="true" />
        {stateWords(camera.health.state)}
      </span>
      {camera.health.reason ? <span className="muted camera-reason">{camera.health.reason}</span> : null}
    </>
  );
}

function ActionsCell({ camera, actions }: { camera: CameraOut; actions: CameraActions }) {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: (camera: CameraOut) => Promise<string | null>) => setError(await action(camera));
  const path = `/admin/cameras/${encodeURIComponent(camera.id)}`;
  return (
    <>
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
          onClick={() => void run(actions.onToggle)}
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
          onConfirm={() => run(actions.onDelete)}
        />
      </div>
      {error ? <FieldError>{error}</FieldError> : null}
    </>
  );
}
