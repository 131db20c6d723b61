import { useEffect, useState } from "react";

interface Props {
  id: string;
  value: number;
  onCommit: (value: number) => void;
  min?: number;
  max?: number;
  step: number;
  describedBy?: string;
}

/**
 * A number field that keeps what is being typed ("0.", "") and commits only numbers in range, so a half-typed
 * value never moves a shape.
 */
export function NumberInput({ id, value, onCommit, min, max, step, describedBy }: Props) {
  const shown = Number.isFinite(value) ? String(value) : "";
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      className="scene-number"
      step={step}
      min={min}
      max={max}
      value={text}
      aria-describedby={describedBy}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = Number(event.target.value);
        const inRange = (min === undefined || parsed >= min) && (max === undefined || parsed <= max);
        if (event.target.value.trim() !== "" && Number.isFinite(parsed) && inRange) onCommit(parsed);
      }}
      onBlur={() => setText(shown)}
    />
  );
}
