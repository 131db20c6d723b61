import { Link, useNavigate, useParams } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { StateMessage } from "../../components/StateMessage";
import { CameraForm } from "./CameraForm";
import { cameraPath, type CameraOut } from "./types";

export function EditCameraPage() {
  const { id = "" } = useParams();
  const { client } = useAuth();
  const navigate = useNavigate();
  const { resource } = useResource((signal) => client.get<CameraOut>(cameraPath(id), { signal }), [client, id]);
  const back = () => void navigate("/admin/cameras");
  const saved = (camera: CameraOut) => void navigate("/admin/cameras", { state: { message: `Saved ${camera.name}.` } });
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
