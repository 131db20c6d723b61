import type { ReactNode } from "react";

/** A page toolbar's filter: its words, then its control (a select or an input), the words naming it. */
export function ToolbarField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label>
      {label} {children}
    </label>
  );
}
