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

const AXES = [
  { axis: "x", label: "cameras.scene.x", groundLabel: "cameras.scene.groundXInMetres" },
  { axis: "y", label: "cameras.scene.y", groundLabel: "cameras.scene.groundYInMetres" },
] as const;

/** A position in the frame (0 to 1, three decimals) and one on the ground (metres). */
const FRAME_RANGE = { min: 0, max: 1, step: 0.001 };
const GROUND_RANGE = { step: 0.1 };

interface CellProps {
  id: string;
  label: string;
  value: number;
  range: { min?: number; max?: number; step: number };
  onCommit: (value: number) => void;
}

function CoordinateCell({ id, label, value, range, onCommit }: CellProps) {
  return (
    <td>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <NumberInput id={id} value={value} {...range} onCommit={onCommit} />
    </td>
  );
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
                {AXES.map(({ axis, label }) => (
                  <CoordinateCell
                    key={axis}
                    id={`${id}-${axis}`}
                    label={t(label, { name })}
                    value={point[axis]}
                    range={FRAME_RANGE}
                    onCommit={(value) => dispatch({ type: "moveVertex", key: shape.key, index, point: { ...point, [axis]: value } })}
                  />
                ))}
                {withGround && ground
                  ? AXES.map(({ axis, groundLabel }) => (
                      <CoordinateCell
                        key={`g${axis}`}
                        id={`${id}-g${axis}`}
                        label={t(groundLabel, { name })}
                        value={ground[axis]}
                        range={GROUND_RANGE}
                        onCommit={(value) => dispatch({ type: "setWorld", key: shape.key, index, point: { ...ground, [axis]: value } })}
                      />
                    ))
                  : null}
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
