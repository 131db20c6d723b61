import type { ReactNode } from "react";
import { TableHead } from "./TableHead";

/** One column of a `RecordTable`: its heading and what its cell shows for a row. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** This column's cells name their row (`<th scope="row">`), e.g. the name that links to the record. */
  rowHeader?: boolean;
  className?: string;
}

/**
 * A scrollable table of records, one row each: column headings, an optional caption (for screen readers
 * unless `captionClassName` says otherwise) and per-row class (e.g. "row-disabled" for inactive records).
 */
export function RecordTable<T>({
  rows,
  rowKey,
  columns,
  caption,
  captionClassName = "visually-hidden",
  className = "table",
  rowClassName,
  testId,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  columns: readonly Column<T>[];
  caption?: ReactNode;
  captionClassName?: string;
  className?: string;
  rowClassName?: (row: T) => string | undefined;
  testId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className={className} data-testid={testId}>
        {caption ? <caption className={captionClassName}>{caption}</caption> : null}
        <TableHead columns={columns.map((column) => column.header)} />
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={index} scope="row" className={column.className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} className={column.className}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** An optional value, or a muted dash when it is empty. */
export function orDash(value: ReactNode): ReactNode {
  return value || <span className="muted">—</span>;
}
