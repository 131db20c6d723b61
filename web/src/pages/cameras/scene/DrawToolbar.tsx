import type { EditorAction } from "./editorState";
import { KIND_ORDER, KINDS } from "./kinds";
import type { Shape } from "./sceneModel";
import { t } from "../../../i18n/catalogue";

interface Props {
  drawing: Shape | null;
  dispatch: (action: EditorAction) => void;
}

/** Start a new shape, or finish / stop the one being drawn. */
export function DrawToolbar({ drawing, dispatch }: Props) {
  if (drawing) {
    const info = KINDS[drawing.kind];
    return (
      <div className="toolbar scene-toolbar" role="toolbar" aria-label={t("cameras.scene.drawing")}>
        {info.geometry !== "line" ? (
          <button type="button" className="btn btn-primary" onClick={() => dispatch({ type: "finish" })}>
            {t("cameras.scene.finish", { label: info.label.toLowerCase() })}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => dispatch({ type: "stopDrawing" })}>
          {t("cameras.scene.stopDrawing")}
        </button>
      </div>
    );
  }
  return (
    <div className="toolbar scene-toolbar" role="toolbar" aria-label={t("cameras.scene.addAShape")}>
      {KIND_ORDER.map((kind) => (
        <button key={kind} type="button" className="btn btn-small" onClick={() => dispatch({ type: "start", kind })}>
          {t("cameras.scene.add", { label: KINDS[kind].label.toLowerCase() })}
        </button>
      ))}
    </div>
  );
}
