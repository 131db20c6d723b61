import type { ReactNode } from "react";

/**
 * A list of records to pick one from (a desk's queue beside the picked record's detail): each is a button,
 * the picked one pressed (aria-pressed) and marked. `children` draws an item's summary inside its button.
 */
export function PickList<T, K extends string | number>({
  items,
  itemKey,
  selected,
  onPick,
  className,
  testId,
  children,
}: {
  items: readonly T[];
  itemKey: (item: T) => K;
  selected: K | null;
  onPick: (item: T) => void;
  /** Added to the list's `pick-list` class, e.g. for a desk's colour. */
  className?: string;
  testId?: string;
  children: (item: T) => ReactNode;
}) {
  return (
    <ul className={className ? `pick-list ${className}` : "pick-list"} data-testid={testId}>
      {items.map((item) => {
        const key = itemKey(item);
        return (
          <li key={key}>
            <button
              type="button"
              className={key === selected ? "pick-item selected" : "pick-item"}
              aria-pressed={key === selected}
              onClick={() => onPick(item)}
            >
              {children(item)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
