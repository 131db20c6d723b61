import type { EditorAction } from "./editorState";
import { KINDS } from "./kinds";
import { NumberInput } from "./NumberInput";
import type { Shape } from "./sceneModel";
import { t } from "../../../i18n/catalogue";

interface Props {
  shape: Shape;
  label: string;
  dispatch: (action: EditorAction) => void;
}

/** Every point as numbers: the keyboard way to draw, and the precise way to adjust. */
export function VertexTable({ shape, label, dispatch }: Props) {
  const info = KINDS[shape.kind];
  const isLine = info.geometry === "line";
  const withGround = shape.kind === "calibration";
  const pointName = (index: number) => (isLine ? (index === 0 ? t("cameras.scene.start") : t("cameras.scene.end")) : t("cameras.scene.point2", { value: index + 1 }));
  return (
    <div className="scene-vertices">
      <table className="table scene-vertex-table" aria-label={t("cameras.scene.pointsOf", { label })}>
        <thead>
          <tr>
            <th scope="col">{t("cameras.scene.point")}</th>
            <th scope="col">{t("cameras.scene.x01")}</th>
            <th scope="col">{t("cameras.scene.y01")}</th>
            {withGround ? (
              <>
                <th scope="col">{t("cameras.scene.groundXM")}</th>
                <th scope="col">{t("cameras.scene.groundYM")}</th>
              </>
            ) : null}
            {isLine ? null : (
              <th scope="col">
                <span className="visually-hidden">{t("cameras.scene.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {shape.points.map((point, index) => {
            const name = pointName(index);
            const id = `${shape.key}-p${index}`;
            const ground = shape.world[index];
            return (
              <tr key={index}>
                <th scope="row">{name}</th>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-x`}>{t("cameras.scene.x", { name })}</label>
                  <NumberInput
                    id={`${id}-x`}
                    value={point.x}
                    min={0}
                    max={1}
                    step={0.001}
                    onCommit={(x) => dispatch({ type: "moveVertex", key: shape.key, index, point: { ...point, x } })}
                  />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-y`}>{t("cameras.scene.y", { name })}</label>
                  <NumberInput
                    id={`${id}-y`}
                    value={point.y}
                    min={0}
                    max={1}
                    step={0.001}
                    onCommit={(y) => dispatch({ type: "moveVertex", key: shape.key, index, point: { ...point, y } })}
                  />
                </td>
                {withGround && ground ? (
                  <>
                    <td>
                      <label className="visually-hidden" htmlFor={`${id}-gx`}>{t("cameras.scene.groundXInMetres", { name })}</label>
                      <NumberInput
                        id={`${id}-gx`}
                        value={ground.x}
                        step={0.1}
                        onCommit={(x) => dispatch({ type: "setWorld", key: shape.key, index, point: { ...ground, x } })}
                      />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`${id}-gy`}>{t("cameras.scene.groundYInMetres", { name })}</label>
                      <NumberInput
                        id={`${id}-gy`}
                        value={ground.y}
                        step={0.1}
                        onCommit={(y) => dispatch({ type: "setWorld", key: shape.key, index, point: { ...ground, y } })}
                      />
                    </td>
                  </>
                ) : null}
                {isLine ? null : (
                  <td>
                    <button
                      type="button"
                      className="btn btn-quiet btn-small"
                      aria-label={t("cameras.scene.remove", { name: name.toLowerCase() })}
                      onClick={() => dispatch({ type: "removeVertex", key: shape.key, index })}
                    >
                      {t("cameras.scene.remove2")}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {isLine && shape.points.length >= 2 ? null : (
        <button type="button" className="btn btn-small" onClick={() => dispatch({ type: "appendVertex", key: shape.key })}>
          {t("cameras.scene.addPoint")}
        </button>
      )}
    </div>
  );
}
