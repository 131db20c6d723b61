import type { EditorAction } from "./editorState";
import { kindColour, KINDS } from "./kinds";
import { displayName, type SceneProblems, type Shape } from "./sceneModel";
import { t } from "../../../i18n/catalogue";

interface Props {
  shapes: Shape[];
  selectedKey: string | null;
  problems: SceneProblems;
  dispatch: (action: EditorAction) => void;
}

/** Every shape of the scene; choosing one opens it in the inspector. */
export function ShapeList({ shapes, selectedKey, problems, dispatch }: Props) {
  if (!shapes.length) return <p className="muted">{t("cameras.scene.noShapesYetAdd")}</p>;
  return (
    <ul className="scene-shape-list" aria-label={t("cameras.scene.shapes")}>
      {shapes.map((shape) => {
        const name = displayName(shape, shapes);
        const hasProblems = Boolean(problems[shape.key]);
        return (
          <li key={shape.key}>
            <button
              type="button"
              className="btn btn-quiet btn-small scene-shape-button"
              style={kindColour(shape.kind)}
              aria-pressed={shape.key === selectedKey}
              onClick={() => dispatch({ type: "select", key: shape.key })}
            >
              <span className="scene-swatch" aria-hidden="true" />
              {name} <span className="muted">{KINDS[shape.kind].label}</span>
              {hasProblems ? <span className="field-error">{" "}{t("cameras.scene.needsAttention")}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
