import { Route } from "react-router";
import { SectionRoutes } from "../../components/SectionRoutes";
import { CameraListPage } from "./CameraListPage";
import "./cameras.css";
import { EditCameraPage } from "./EditCameraPage";
import { SceneEditorPage } from "./scene/SceneEditorPage";

/** Camera administration at /admin/cameras: the registry, each camera's settings and its scene. */
export default function CamerasPage() {
  return (
    <SectionRoutes>
      <Route index element={<CameraListPage />} />
      <Route path=":id/edit" element={<EditCameraPage />} />
      <Route path=":id/scene" element={<SceneEditorPage />} />
    </SectionRoutes>
  );
}
