import { Link, useNavigate, useParams } from "react-router";
import { useNavigateWithMessage } from "../../components/arrivalMessage";
import { StateMessage } from "../../components/StateMessage";
import { CameraForm } from "./CameraForm";
import type { CameraOut } from "./types";
import { useCamera } from "./useCamera";

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
        <Link to="/admin/cameras">Cameras</Link> / {resource.data?.name ?? id}
      </p>
      <h1>Edit camera</h1>
      <StateMessage resource={resource} what="the camera" />
      {resource.data ? (
        <>
          {resource.data.managed_by === "config" ? (
            <p className="state state-unavailable">
              This camera is declared in safecity.yaml, which wins at the server's next start.
            </p>
          ) : null}
          <CameraForm key={resource.data.updated_at} camera={resource.data} onSaved={saved} onCancel={back} />
        </>
      ) : null}
    </section>
  );
}
