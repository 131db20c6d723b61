/**
 * A fieldset of radio buttons, one per choice, each labelled by its words; `value` is the checked one.
 * The buttons share `name`, so the arrow keys move between them.
 */
export function RadioChoice<V extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  className,
}: {
  legend: string;
  name: string;
  choices: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input type="radio" name={name} checked={value === choice.value} onChange={() => onChange(choice.value)} />{" "}
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
