import { Link } from "react-router";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { useMutation } from "../../api/useMutation";
import type { Column } from "../../components/RecordTable";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FieldError } from "../../components/FormField";
import { describeFailure } from "./apiErrors";
import { healthTone, stateWords } from "./health";
import type { CameraOut } from "./types";
import { UptimeCell } from "./UptimeCell";

type CameraAction = (camera: CameraOut) => Promise<unknown>;

/** What an admin can do with a camera; a failure rejects and is shown in the camera's row. */
export interface CameraActions {
  onToggle: CameraAction;
  onDelete: CameraAction;
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
  const act = useMutation((action: CameraAction, _what: string) => action(camera), {
    describe: (caught, _action, what) => describeFailure(caught, what),
  });
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
        <PlayVideoLink cameraId={camera.id} label="Recordings" ariaLabel={`Recordings of ${camera.name}`} />
        <button
          type="button"
          className={camera.enabled ? "btn btn-small" : "btn btn-primary btn-small"}
          aria-label={`${camera.enabled ? "Disable" : "Enable"} ${camera.name}`}
          onClick={() => void act.run(actions.onToggle, camera.enabled ? "disable the camera" : "enable the camera")}
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
          onConfirm={() => act.run(actions.onDelete, "delete the camera")}
        />
      </div>
      {act.error ? <FieldError>{act.error}</FieldError> : null}
    </>
  );
}
