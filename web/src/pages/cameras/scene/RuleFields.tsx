import type { EditorAction } from "./editorState";
import { KINDS, type RuleField } from "./kinds";
import type { Shape } from "./sceneModel";
import { Options } from "../../../components/Options";
import { t } from "../../../i18n/catalogue";

interface Props {
  shape: Shape;
  errors: Record<string, string>;
  dispatch: (action: EditorAction) => void;
}

/** The rule options of the selected shape's kind, each with its error beside it. */
export function RuleFields({ shape, errors, dispatch }: Props) {
  const fields = KINDS[shape.kind].fields;
  if (!fields.length) return null;
  return (
    <fieldset className="scene-fieldset">
      <legend>{t("cameras.scene.rules")}</legend>
      {fields.map((field) => (
        <RuleInput
          key={field.key}
          field={field}
          id={`${shape.key}-${field.key}`}
          value={shape.options[field.key] ?? ""}
          error={errors[field.key]}
          onChange={(value) => dispatch({ type: "setOption", key: shape.key, field: field.key, value })}
        />
      ))}
    </fieldset>
  );
}

interface InputProps {
  field: RuleField;
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}

function RuleInput({ field, id, value, error, onChange }: InputProps) {
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      {field.type === "choice" ? (
        <select
          id={id}
          value={field.choices.some((choice) => choice.value === value) ? value : (field.choices[0]?.value ?? "")}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          <Options items={field.choices} value={(choice) => choice.value} label={(choice) => choice.label} />
        </select>
      ) : (
        <input
          id={id}
          value={value}
          inputMode={field.type === "number" ? "decimal" : undefined}
          placeholder={field.type === "classes" ? field.placeholder : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {field.hint ? (
        <span id={hintId} className="muted scene-hint">
          {field.hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
