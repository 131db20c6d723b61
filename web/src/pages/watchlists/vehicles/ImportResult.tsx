import { readableMessage } from "../../../api/client";
import type { ImportReport } from "../types";
import { importOutcome, importSummary, type CsvRow } from "./csvImport";

export interface Imported {
  fileName: string;
  rows: CsvRow[] | null;
  report: ImportReport;
}

/** The counts, for the live region: "Imported plates.csv: 1 added, 0 updated, 1 rejected." */
export function ImportSummary({ imported }: { imported: Imported }) {
  const { fileName, report } = imported;
  return (
    <p className={report.failed ? "state state-error" : "state state-ok"}>
      Imported {fileName}: {importSummary(report)}.
    </p>
  );
}

/** Row by row: what went in and what was refused, with the server's reason. */
export function ImportRows({ imported }: { imported: Imported }) {
  const { fileName, rows, report } = imported;
  const { outcomes, complete } = importOutcome(rows, report);
  const importedCount = report.created + report.updated;
  return (
    <div data-testid="import-rows">
      {outcomes.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="wl-caption">
              {complete ? `Every row of ${fileName}` : `Rejected rows of ${fileName}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Plate</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((outcome) => (
                <tr key={outcome.line}>
                  <th scope="row">{outcome.line}</th>
                  <td>{outcome.plate ? <code>{outcome.plate}</code> : <span className="muted">—</span>}</td>
                  <td>
                    {outcome.imported ? (
                      <span className="state-ok">✓ Imported</span>
                    ) : (
                      <span className="state-error">✗ Rejected: {readableMessage(outcome.reason)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!complete && importedCount > 0 ? (
        <p className="muted">
          The other {importedCount} {importedCount === 1 ? "row was" : "rows were"} imported; see the entries on
          this list.
        </p>
      ) : null}
    </div>
  );
}
