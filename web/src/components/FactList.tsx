import type { ReactNode } from "react";

/** One fact of a `FactList`: what it is, then its value. */
export type Fact = readonly [term: string, value: ReactNode];

/** Facts about a record as a description list: each term with its value, a `<div>` per pair for the grid. */
export function FactList({ className, facts }: { className: string; facts: readonly Fact[] }) {
  return (
    <dl className={className}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
