import { useEffect, useMemo, useReducer, useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation } from "../../../api/useMutation";
import { useAuth } from "../../../auth/AuthContext";
import { StateMessage } from "../../../components/StateMessage";
import { describeFailure } from "../apiErrors";
import { updateCamera, type WriteResult } from "../cameraApi";
import type { CameraOut, CameraUpdate } from "../types";
import { useCamera } from "../useCamera";
import { AcceptBaseline } from "./AcceptBaseline";
import { DrawToolbar } from "./DrawToolbar";
import { editorReducer, initialEditor } from "./editorState";
import type { Size } from "./geometry";
import { SceneCanvas } from "./SceneCanvas";
import {
  checkScene,
  displayName,
  placeServerIssues,
  SceneConversionError,
  sceneFromApi,
  sceneToApi,
  type ApiScene,
  type SceneProblems,
  type SerialisedScene,
} from "./sceneModel";
import { ShapeInspector } from "./ShapeInspector";
import { ShapeList } from "./ShapeList";
import { useSnapshot, type Snapshot } from "./useSnapshot";
import { t } from "../../../i18n/catalogue";

export function SceneEditorPage() {
  const { id = "" } = useParams();
  const { resource } = useCamera(id);
  return (
    <section className="scene-page">
      <p className="scene-breadcrumb">
        <Link to="/admin/cameras">{t("cameras.scene.cameras")}</Link> / {resource.data?.name ?? id}
      </p>
      <h1>{t("cameras.scene.sceneOf", { name: resource.data?.name ?? id })}</h1>
      <StateMessage resource={resource} what={t("cameras.scene.theCamera")} />
      {resource.data ? <SceneEditor camera={resource.data} /> : null}
    </section>
  );
}

type Loaded = { ok: true; preserved: ApiScene; saved: string } | { ok: false; error: string };

function SceneEditor({ camera }: { camera: CameraOut }) {
  const { client } = useAuth();
  const { snapshot, refresh } = useSnapshot(client, camera.id);
  const [frame, setFrame] = useState<Size | null>(null);
  const [pictureBroken, setPictureBroken] = useState(false);
  const [editor, dispatch] = useReducer(editorReducer, [], initialEditor);
  const [savedScene, setSavedScene] = useState<ApiScene>(camera.scene);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [serverProblems, setServerProblems] = useState<SceneProblems>({});
  const [saveMessage, setSaveMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const write = useMutation(
    // The editor keeps keys it does not draw (ApiScene); the server validates the whole scene.
    ({ scene }: SerialisedScene) => updateCamera(client, camera.id, { scene: scene as CameraUpdate["scene"] }),
    {
      onSuccess: (result: WriteResult, { origins }) => {
        if (result.ok) {
          setSavedScene(result.camera.scene);
          load(result.camera.scene);
          setAttempted(false);
          setSaveMessage({ ok: true, text: t("cameras.scene.sceneSaved") });
        } else {
          const placed = placeServerIssues(result.issues, origins);
          setServerProblems(placed.problems);
          setSaveMessage({ ok: false, text: t("cameras.scene.notSaved", { reason: placed.general.join("; ") || t("cameras.scene.serverRefusedShapes") }) });
        }
      },
      describe: (caught) => describeFailure(caught, t("cameras.scene.saveTheScene")),
    },
  );
  const busy = write.busy;
  const shownMessage = saveMessage ?? (write.error ? { ok: false, text: write.error } : null);

  // Stored pixel coordinates need the picture's size, so the scene is read once the picture has settled.
  const pictureSettled = snapshot.status === "missing" || snapshot.status === "error" || frame !== null || pictureBroken;
  const load = (scene: ApiScene) => {
    try {
      const editable = sceneFromApi(scene, frame);
      dispatch({ type: "reset", shapes: editable.shapes });
      setLoaded({ ok: true, preserved: editable.preserved, saved: JSON.stringify(sceneToApi(editable.shapes, editable.preserved).scene) });
    } catch (caught) {
      if (!(caught instanceof SceneConversionError)) throw caught;
      setLoaded({ ok: false, error: caught.message });
    }
  };
  useEffect(() => {
    if (pictureSettled && loaded === null) load(savedScene);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read the scene once, when the picture has settled
  }, [pictureSettled, loaded]);

  const localProblems = useMemo(() => checkScene(editor.shapes), [editor.shapes]);
  const problems = attempted ? mergeProblems(localProblems, serverProblems) : serverProblems;
  const current = loaded?.ok ? JSON.stringify(sceneToApi(editor.shapes, loaded.preserved).scene) : "";
  const dirty = loaded?.ok === true && current !== loaded.saved;

  const save = () => {
    if (!loaded?.ok) return;
    setAttempted(true);
    setServerProblems({});
    const count = Object.keys(localProblems).length;
    if (count) {
      setSaveMessage({ ok: false, text: t("cameras.scene.shapesNeedAttention", { count }) });
      return;
    }
    setSaveMessage(null);
    void write.run(sceneToApi(editor.shapes, loaded.preserved));
  };

  const selected = editor.shapes.find((shape) => shape.key === editor.selectedKey) ?? null;
  const drawing = editor.shapes.find((shape) => shape.key === editor.drawingKey) ?? null;
  const pictureUrl = snapshot.status === "ready" ? snapshot.url : null;

  return (
    <>
      {camera.managed_by === "config" ? (
        <p className="state state-unavailable">
          {t("cameras.scene.thisCameraIsDeclared")}
        </p>
      ) : null}
      <div className="scene-layout">
        <div className="scene-main">
          <DrawToolbar drawing={drawing} dispatch={dispatch} />
          <PictureState snapshot={snapshot} onRefresh={refresh} />
          {loaded && !loaded.ok ? (
            <p className="state state-error" role="alert">
              {t("cameras.scene.theSceneCannotBe", { error: loaded.error })}
            </p>
          ) : (
            <SceneCanvas
              shapes={editor.shapes}
              selectedKey={editor.selectedKey}
              drawingKey={editor.drawingKey}
              dispatch={dispatch}
              pictureUrl={pictureUrl}
              pictureLabel={t("cameras.scene.latestPictureFrom", { name: camera.name })}
              onPictureSize={setFrame}
              onPictureFailed={() => setPictureBroken(true)}
            />
          )}
          <p role="status" className="scene-notice" data-testid="scene-notice">
            {editor.notice}
          </p>
          <p className="muted scene-hint">
            {t("cameras.scene.mouseClickToPlace")}
          </p>
        </div>
        <aside className="scene-side" aria-label={t("cameras.scene.shapesAndRules")}>
          <h2>{t("cameras.scene.shapes")}</h2>
          <ShapeList shapes={editor.shapes} selectedKey={editor.selectedKey} problems={problems} dispatch={dispatch} />
          {selected ? (
            <ShapeInspector
              key={selected.key}
              shape={selected}
              label={displayName(selected, editor.shapes)}
              problems={problems[selected.key]}
              dispatch={dispatch}
            />
          ) : null}
        </aside>
      </div>
      <div className="card scene-savebar">
        <div className="form-actions">
          <button type="button" className="btn btn-primary" disabled={busy || !loaded?.ok} onClick={save}>
            {busy ? t("cameras.scene.saving") : t("cameras.scene.saveScene")}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy || !dirty}
            onClick={() => {
              load(savedScene);
              setAttempted(false);
              setServerProblems({});
              setSaveMessage({ ok: true, text: t("cameras.scene.changesDiscarded") });
            }}
          >
            {t("cameras.scene.discardChanges")}
          </button>
          <span className="muted">{dirty ? t("cameras.scene.unsavedChanges") : t("cameras.scene.noUnsavedChanges")}</span>
        </div>
        <p role="status" data-testid="scene-save-result" className={shownMessage ? (shownMessage.ok ? "state-ok" : "field-error") : undefined}>
          {shownMessage?.text ?? ""}
        </p>
      </div>
      <AcceptBaseline cameraId={camera.id} />
    </>
  );
}

function PictureState({ snapshot, onRefresh }: { snapshot: Snapshot; onRefresh: () => void }) {
  const text =
    snapshot.status === "loading"
      ? t("cameras.scene.loadingTheLatestPicture")
      : snapshot.status === "missing"
        ? t("cameras.scene.noPictureFromThis")
        : snapshot.status === "error"
          ? t("cameras.scene.couldNotLoadThe", { message: snapshot.message })
          : "";
  return (
    <div className="scene-picture-state">
      <span role="status" className={snapshot.status === "error" ? "field-error" : "muted"}>
        {text}
      </span>
      <button type="button" className="btn btn-small" onClick={onRefresh}>
        {t("cameras.scene.refreshPicture")}
      </button>
    </div>
  );
}

function mergeProblems(a: SceneProblems, b: SceneProblems): SceneProblems {
  const merged: SceneProblems = { ...a };
  for (const [key, problems] of Object.entries(b)) {
    const existing = merged[key];
    merged[key] = existing
      ? { shape: [...existing.shape, ...problems.shape], fields: { ...problems.fields, ...existing.fields } }
      : problems;
  }
  return merged;
}
