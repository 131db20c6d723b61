import type { EditorAction } from "./editorState";
import { KINDS } from "./kinds";
import { displayName, type SceneProblems, type Shape } from "./sceneModel";

interface Props {
  shapes: Shape[];
  selectedKey: string | null;
  problems: SceneProblems;
  dispatch: (action: EditorAction) => void;
}

/** Every shape of the scene; choosing one opens it in the inspector. */
export function ShapeList({ shapes, selectedKey, problems, dispatch }: Props) {
  if (!shapes.length) return <p className="muted">No shapes yet: add one with the buttons above the picture.</p>;
  return (
    <ul className="scene-shape-list" aria-label="Shapes">
      {shapes.map((shape) => {
        const name = displayName(shape, shapes);
        const hasProblems = Boolean(problems[shape.key]);
        return (
          <li key={shape.key}>
            <button
              type="button"
              className={`btn btn-quiet btn-small scene-shape-button scene-swatch-${shape.kind}`}
              aria-pressed={shape.key === selectedKey}
              onClick={() => dispatch({ type: "select", key: shape.key })}
            >
              <span className="scene-swatch" aria-hidden="true" />
              {name} <span className="muted">{KINDS[shape.kind].label}</span>
              {hasProblems ? <span className="field-error"> (needs attention)</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
