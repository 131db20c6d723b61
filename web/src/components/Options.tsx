/**
 * The `<option>`s of a select, one per item of `items`: its value is `value(item)` (the item itself when
 * not given) and its words `label(item)` (the value when not given). Put it inside the `<select>`, after
 * any fixed first choice such as `<option value="">Any</option>`.
 */
export function Options<T>({
  items,
  value = (item) => String(item),
  label = (item) => String(value(item)),
}: {
  items: readonly T[];
  value?: (item: T) => string | number;
  label?: (item: T) => string;
}) {
  return items.map((item) => {
    const optionValue = value(item);
    return (
      <option key={optionValue} value={optionValue}>
        {label(item)}
      </option>
    );
  });
}
