import { Link, useNavigate, useParams } from "react-router";
import { useNavigateWithMessage } from "../../components/arrivalMessage";
import { StateMessage } from "../../components/StateMessage";
import { CameraForm } from "./CameraForm";
import type { CameraOut } from "./types";
import { useCamera } from "./useCamera";
import { t } from "../../i18n/catalogue";

export function EditCameraPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { resource } = useCamera(id);
  const back = () => void navigate("/admin/cameras");
  const navigateWithMessage = useNavigateWithMessage();
  const saved = (camera: CameraOut) => navigateWithMessage("/admin/cameras", `Saved ${camera.name}.`);
  return (
    <section>
      <p className="scene-breadcrumb">
        <Link to="/admin/cameras">{t("cameras.cameras2")}</Link> / {resource.data?.name ?? id}
      </p>
      <h1>{t("cameras.editCamera")}</h1>
      <StateMessage resource={resource} what={t("cameras.theCamera")} />
      {resource.data ? (
        <>
          {resource.data.managed_by === "config" ? (
            <p className="state state-unavailable">
              {t("cameras.thisCameraIsDeclared")}
            </p>
          ) : null}
          <CameraForm key={resource.data.updated_at} camera={resource.data} onSaved={saved} onCancel={back} />
        </>
      ) : null}
    </section>
  );
}
