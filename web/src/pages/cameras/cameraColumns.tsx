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
import { t } from "../../i18n/catalogue";

type CameraAction = (camera: CameraOut) => Promise<unknown>;

/** What an admin can do with a camera; a failure rejects and is shown in the camera's row. */
export interface CameraActions {
  onToggle: CameraAction;
  onDelete: CameraAction;
}

/** One camera a row: what it is, how it is doing, and what an admin can do with it. */
export function cameraColumns(actions: CameraActions): Column<CameraOut>[] {
  return [
    { header: t("cameras.name2"), rowHeader: true, cell: (camera) => camera.name },
    { header: "ID", cell: (camera) => <code>{camera.id}</code> },
    { header: "District / zone", cell: (camera) => [camera.district, camera.zone].filter(Boolean).join(" / ") || "—" },
    { header: t("cameras.status"), cell: (camera) => (camera.enabled ? t("cameras.enabled") : t("cameras.disabled")) },
    { header: t("cameras.health"), cell: (camera) => <HealthCell camera={camera} /> },
    { header: "Uptime (7 days)", cell: (camera) => <UptimeCell cameraId={camera.id} /> },
    { header: t("cameras.scene.actions"), cell: (camera) => <ActionsCell camera={camera} actions={actions} /> },
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
        <Link className="btn btn-small" to={`${path}/edit`} aria-label={t("cameras.edit", { name: camera.name })}>
          {t("cameras.edit2")}
        </Link>
        <Link className="btn btn-small" to={`${path}/scene`} aria-label={t("cameras.sceneOf", { name: camera.name })}>
          {t("cameras.scene")}
        </Link>
        <PlayVideoLink cameraId={camera.id} label={t("cameras.recordings")} ariaLabel={t("cameras.recordingsOf", { name: camera.name })} />
        <button
          type="button"
          className={camera.enabled ? "btn btn-small" : "btn btn-primary btn-small"}
          aria-label={`${camera.enabled ? t("cameras.disable") : t("cameras.enable")} ${camera.name}`}
          onClick={() => void act.run(actions.onToggle, camera.enabled ? t("cameras.disableTheCamera") : t("cameras.enableTheCamera"))}
        >
          {camera.enabled ? t("cameras.disable") : t("cameras.enable")}
        </button>
        <ConfirmButton
          small
          label={t("cameras.delete", { name: camera.name })}
          text={t("cameras.delete2")}
          question={t("cameras.deleteAndItsHealth", { name: camera.name })}
          groupLabel={t("cameras.confirmDeleting", { name: camera.name })}
          confirmLabel="Yes, delete"
          cancelLabel={t("cameras.keepIt")}
          focusCancel
          onConfirm={() => act.run(actions.onDelete, t("cameras.deleteTheCamera"))}
        />
      </div>
      {act.error ? <FieldError>{act.error}</FieldError> : null}
    </>
  );
}
