import { TableHead } from "../../components/TableHead";

export interface TableRow {
  key: string;
  header: string;
  cells: (string | number)[];
}

/** The numbers behind a chart, with header cells for columns and rows. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: TableRow[] }) {
  return (
    <div className="table-scroll">
      <table className="table dash-table">
        <caption>{caption}</caption>
        <TableHead columns={columns} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.header}</th>
              {row.cells.map((cell, index) => (
                <td key={columns[index + 1] ?? index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
