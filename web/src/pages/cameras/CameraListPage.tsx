import { useMemo, useState } from "react";
import { ApiError } from "../../api/client";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { useArrivalMessage } from "../../components/arrivalMessage";
import { RecordTable } from "../../components/RecordTable";
import { StateMessage } from "../../components/StateMessage";
import { Pager } from "../../components/Pager";
import { cameraColumns } from "./cameraColumns";
import { CameraFilters } from "./CameraFilters";
import { CameraForm } from "./CameraForm";
import { filterCameras, NO_FILTER, type CameraFilter } from "./health";
import type { CameraOut } from "./types";
import { t } from "../../i18n/catalogue";

const PAGE_SIZE = 50;

export function CameraListPage() {
  const { client } = useAuth();
  const { resource, reload } = useResource((signal) => client.GET("/api/v1/cameras", { signal }), [client]);
  const [filter, setFilter] = useState<CameraFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [adding, setAdding] = useState(false);
  const arrived = useArrivalMessage();
  const [message, setMessage] = useState(() => arrived ?? "");

  const cameras = useMemo(() => resource.data ?? [], [resource.data]);
  const districts = useMemo(
    () => [...new Set(cameras.map((camera) => camera.district).filter((d): d is string => Boolean(d)))].sort(),
    [cameras],
  );
  const shown = useMemo(() => filterCameras(cameras, filter), [cameras, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const currentPage = Math.min(page, pages - 1);
  const rows = shown.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE);

  const toggle = async (camera: CameraOut) => {
    await client.PATCH("/api/v1/cameras/{camera_id}", {
      params: { path: { camera_id: camera.id } },
      body: { enabled: !camera.enabled },
    });
    setMessage(`${camera.name} ${camera.enabled ? "disabled" : "enabled"}.`);
    reload();
  };
  const remove = async (camera: CameraOut) => {
    const deleted = await client
      .DELETE("/api/v1/cameras/{camera_id}", { params: { path: { camera_id: camera.id } } })
      .then(() => true, alreadyGone);
    if (deleted) setMessage(`${camera.name} deleted.`);
    reload();
  };

  return (
    <section>
      <div className="page-head">
        <h1>{t("cameras.cameras2")}</h1>
        <button type="button" className="btn btn-primary" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
          {adding ? t("cameras.closeTheAddForm") : t("cameras.addCamera")}
        </button>
      </div>
      <p role="status" className="state-ok camera-message" data-testid="cameras-message">
        {message}
      </p>
      {adding ? (
        <CameraForm
          onSaved={(camera) => {
            setMessage(t("cameras.addedCamera", { name: camera.name, id: camera.id }));
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
              ? t("cameras.cameras", { count: cameras.length })
              : t("cameras.ofCamerasMatch", { count: shown.length, count2: cameras.length })}
          </p>
          <RecordTable
            rows={rows}
            rowKey={(camera) => camera.id}
            columns={cameraColumns({ onToggle: toggle, onDelete: remove })}
            rowClassName={(camera) => (camera.enabled ? undefined : "row-disabled")}
            testId="cameras-table"
          />
          <Pager
            label={t("cameras.cameraPages")}
            position={t("common.pageOf", { number: currentPage + 1, pages })}
            hasPrevious={currentPage > 0}
            hasNext={currentPage < pages - 1}
            onPrevious={() => setPage(currentPage - 1)}
            onNext={() => setPage(currentPage + 1)}
          />
        </>
      ) : null}
    </section>
  );
}

/** A 404 on delete: someone else deleted the camera first, which the reload shows. Other failures go on. */
function alreadyGone(caught: unknown): false {
  if (caught instanceof ApiError && caught.status === 404) return false;
  throw caught;
}
