import type { EditorAction } from "./editorState";
import { KINDS } from "./kinds";
import { RuleFields } from "./RuleFields";
import type { Shape, ShapeProblems } from "./sceneModel";
import { VertexTable } from "./VertexTable";
import { t } from "../../../i18n/catalogue";

interface Props {
  shape: Shape;
  label: string;
  problems: ShapeProblems | undefined;
  dispatch: (action: EditorAction) => void;
}

/** Everything about the selected shape: name, rules, points, direction, finishing and deleting. */
export function ShapeInspector({ shape, label, problems, dispatch }: Props) {
  const info = KINDS[shape.kind];
  const kindLabel = info.label.toLowerCase();
  const nameId = `${shape.key}-name`;
  const nameError = problems?.fields.name;
  return (
    <section className="card scene-inspector" aria-labelledby={`${shape.key}-title`}>
      <h2 id={`${shape.key}-title`}>
        {label} <span className="muted">({info.label})</span>
      </h2>
      <p className="muted scene-hint">{info.help}</p>
      {problems?.shape.length ? (
        <ul className="field-error scene-problems" aria-label={t("cameras.scene.problemsWith", { label })}>
          {problems.shape.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {info.named ? (
        <div className="field">
          <label htmlFor={nameId}>{t("cameras.scene.name")}</label>
          <input
            id={nameId}
            value={shape.name}
            maxLength={200}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
            onChange={(event) => dispatch({ type: "rename", key: shape.key, name: event.target.value })}
          />
          {nameError ? (
            <span id={`${nameId}-error`} className="field-error">
              {nameError}
            </span>
          ) : null}
        </div>
      ) : null}
      {info.geometry === "line" && shape.points.length === 2 ? (
        <p className="scene-direction-row">
          <button type="button" className="btn btn-small" onClick={() => dispatch({ type: "swap", key: shape.key })}>
            {t("cameras.scene.swapDirection")}
          </button>{" "}
          <span className="muted">
            {shape.kind === "solid"
              ? t("cameras.scene.crossingsEitherWayAre")
              : t("cameras.scene.theArrowMarksThe")}
          </span>
        </p>
      ) : null}
      <RuleFields shape={shape} errors={problems?.fields ?? {}} dispatch={dispatch} />
      {shape.kind === "signal" && shape.extra.junction ? (
        <p className="muted scene-hint">{t("cameras.scene.thisStopLineS")}</p>
      ) : null}
      <h3 className="scene-subhead">{t("cameras.scene.points")}</h3>
      <VertexTable shape={shape} label={label} dispatch={dispatch} />
      {problems?.fields.world ? <p className="field-error">{problems.fields.world}</p> : null}
      <div className="form-actions scene-shape-actions">
        <button
          type="button"
          className="btn btn-danger btn-small"
          aria-label={t("cameras.scene.delete", { label })}
          onClick={() => dispatch({ type: "remove", key: shape.key })}
        >
          {t("cameras.scene.delete2", { kindLabel })}
        </button>
      </div>
    </section>
  );
}
