import { useMemo, useState } from "react";
import { useLocation } from "react-router";
import { ApiError } from "../../api/client";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { StateMessage } from "../../components/StateMessage";
import { describeFailure } from "./apiErrors";
import { CameraFilters } from "./CameraFilters";
import { CameraForm } from "./CameraForm";
import { CameraRow } from "./CameraRow";
import { filterCameras, NO_FILTER, type CameraFilter } from "./health";
import { cameraPath, CAMERAS_PATH, type CameraOut } from "./types";

const PAGE_SIZE = 50;

export function CameraListPage() {
  const { client } = useAuth();
  const { resource, reload } = useResource((signal) => client.get<CameraOut[]>(CAMERAS_PATH, { signal }), [client]);
  const [filter, setFilter] = useState<CameraFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [adding, setAdding] = useState(false);
  const location = useLocation();
  const [message, setMessage] = useState(() => messageFrom(location.state));

  const cameras = resource.data ?? [];
  const districts = useMemo(
    () => [...new Set(cameras.map((camera) => camera.district).filter((d): d is string => Boolean(d)))].sort(),
    [cameras],
  );
  const shown = useMemo(() => filterCameras(cameras, filter), [cameras, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const currentPage = Math.min(page, pages - 1);
  const rows = shown.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE);

  const toggle = async (camera: CameraOut) => {
    try {
      await client.patch<CameraOut>(cameraPath(camera.id), { enabled: !camera.enabled });
      setMessage(`${camera.name} ${camera.enabled ? "disabled" : "enabled"}.`);
      reload();
      return null;
    } catch (caught) {
      return describeFailure(caught, camera.enabled ? "disable the camera" : "enable the camera");
    }
  };
  const remove = async (camera: CameraOut) => {
    try {
      await client.request<void>("DELETE", cameraPath(camera.id));
      setMessage(`${camera.name} deleted.`);
      reload();
      return null;
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) {
        reload();
        return null;
      }
      return describeFailure(caught, "delete the camera");
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>Cameras</h1>
        <button type="button" className="btn btn-primary" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
          {adding ? "Close the add form" : "Add camera"}
        </button>
      </div>
      <p role="status" className="state-ok camera-message" data-testid="cameras-message">
        {message}
      </p>
      {adding ? (
        <CameraForm
          onSaved={(camera) => {
            setMessage(`Added camera ${camera.name} (${camera.id}).`);
            setAdding(false);
            reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <CameraFilters
        filter={filter}
        districts={districts}
        onChange={(next) => {
          setFilter(next);
          setPage(0);
        }}
      />
      <StateMessage resource={resource} what="cameras" />
      {resource.data ? (
        <>
          <p className="muted" role="status">
            {shown.length === cameras.length
              ? `${cameras.length} cameras.`
              : `${shown.length} of ${cameras.length} cameras match.`}
          </p>
          <div className="table-scroll">
            <table className="table" data-testid="cameras-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">ID</th>
                  <th scope="col">District / zone</th>
                  <th scope="col">Status</th>
                  <th scope="col">Health</th>
                  <th scope="col">Uptime (7 days)</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((camera) => (
                  <CameraRow key={camera.id} camera={camera} onToggle={toggle} onDelete={remove} />
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav className="pager" aria-label="Camera pages">
              <button type="button" className="btn btn-small" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
                Previous page
              </button>
              <span>
                Page {currentPage + 1} of {pages}
              </span>
              <button
                type="button"
                className="btn btn-small"
                disabled={currentPage >= pages - 1}
                onClick={() => setPage(currentPage + 1)}
              >
                Next page
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The edit page returns here with what it saved. */
function messageFrom(state: unknown): string {
  if (typeof state === "object" && state !== null && "message" in state) {
    const { message } = state as { message: unknown };
    if (typeof message === "string") return message;
  }
  return "";
}
