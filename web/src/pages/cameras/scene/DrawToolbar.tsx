import type { EditorAction } from "./editorState";
import { KIND_ORDER, KINDS } from "./kinds";
import type { Shape } from "./sceneModel";

interface Props {
  drawing: Shape | null;
  dispatch: (action: EditorAction) => void;
}

/** Start a new shape, or finish / stop the one being drawn. */
export function DrawToolbar({ drawing, dispatch }: Props) {
  if (drawing) {
    const info = KINDS[drawing.kind];
    return (
      <div className="toolbar scene-toolbar" role="toolbar" aria-label="Drawing">
        {info.geometry !== "line" ? (
          <button type="button" className="btn btn-primary" onClick={() => dispatch({ type: "finish" })}>
            Finish {info.label.toLowerCase()}
          </button>
        ) : null}
        <button type="button" className="btn" onClick={() => dispatch({ type: "stopDrawing" })}>
          Stop drawing
        </button>
      </div>
    );
  }
  return (
    <div className="toolbar scene-toolbar" role="toolbar" aria-label="Add a shape">
      {KIND_ORDER.map((kind) => (
        <button key={kind} type="button" className="btn btn-small" onClick={() => dispatch({ type: "start", kind })}>
          Add {KINDS[kind].label.toLowerCase()}
        </button>
      ))}
    </div>
  );
}
