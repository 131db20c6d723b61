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

export function SceneEditorPage() {
  const { id = "" } = useParams();
  const { resource } = useCamera(id);
  return (
    <section className="scene-page">
      <p className="scene-breadcrumb">
        <Link to="/admin/cameras">Cameras</Link> / {resource.data?.name ?? id}
      </p>
      <h1>Scene of {resource.data?.name ?? id}</h1>
      <StateMessage resource={resource} what="the camera" />
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
          setSaveMessage({ ok: true, text: "Scene saved." });
        } else {
          const placed = placeServerIssues(result.issues, origins);
          setServerProblems(placed.problems);
          setSaveMessage({ ok: false, text: `Not saved: ${placed.general.join("; ") || "the server refused some shapes (marked below)."}` });
        }
      },
      describe: (caught) => describeFailure(caught, "save the scene"),
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
      setSaveMessage({ ok: false, text: `Not saved: ${count === 1 ? "one shape needs" : `${count} shapes need`} attention (marked below).` });
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
          This camera is declared in safecity.yaml, which wins at the server's next start: changes made here last
          until then. Copy the saved scene into the file to keep it.
        </p>
      ) : null}
      <div className="scene-layout">
        <div className="scene-main">
          <DrawToolbar drawing={drawing} dispatch={dispatch} />
          <PictureState snapshot={snapshot} onRefresh={refresh} />
          {loaded && !loaded.ok ? (
            <p className="state state-error" role="alert">
              {loaded.error} The scene cannot be edited until the camera delivers a picture.
            </p>
          ) : (
            <SceneCanvas
              shapes={editor.shapes}
              selectedKey={editor.selectedKey}
              drawingKey={editor.drawingKey}
              dispatch={dispatch}
              pictureUrl={pictureUrl}
              pictureLabel={`Latest picture from ${camera.name}`}
              onPictureSize={setFrame}
              onPictureFailed={() => setPictureBroken(true)}
            />
          )}
          <p role="status" className="scene-notice" data-testid="scene-notice">
            {editor.notice}
          </p>
          <p className="muted scene-hint">
            Mouse: click to place points; double-click, Enter or the Finish button closes an outline; a line ends
            after its second point; drag a point to move it. Keyboard: Tab to a point, move it with the arrow keys
            (Shift for fine steps) and remove it with Delete; or type coordinates in the points table, where
            "Add point" places a new one.
          </p>
        </div>
        <aside className="scene-side" aria-label="Shapes and rules">
          <h2>Shapes</h2>
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
            {busy ? "Saving…" : "Save scene"}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy || !dirty}
            onClick={() => {
              load(savedScene);
              setAttempted(false);
              setServerProblems({});
              setSaveMessage({ ok: true, text: "Changes discarded." });
            }}
          >
            Discard changes
          </button>
          <span className="muted">{dirty ? "Unsaved changes." : "No unsaved changes."}</span>
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
      ? "Loading the latest picture…"
      : snapshot.status === "missing"
        ? "No picture from this camera yet (its worker stores one once the camera runs). Shapes can still be drawn on the empty frame."
        : snapshot.status === "error"
          ? `Could not load the picture: ${snapshot.message}`
          : "";
  return (
    <div className="scene-picture-state">
      <span role="status" className={snapshot.status === "error" ? "field-error" : "muted"}>
        {text}
      </span>
      <button type="button" className="btn btn-small" onClick={onRefresh}>
        Refresh picture
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
