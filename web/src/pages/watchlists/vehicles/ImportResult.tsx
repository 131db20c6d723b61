import { readableMessage } from "../../../api/client";
import { orDash, RecordTable, type Column } from "../../../components/RecordTable";
import type { ImportReport } from "../types";
import { importOutcome, importSummary, type CsvRow, type RowOutcome } from "./csvImport";
import { t } from "../../../i18n/catalogue";

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
      {t("watchlists.vehicles.imported", { fileName, importSummary: importSummary(report) })}
    </p>
  );
}

const OUTCOME_COLUMNS: readonly Column<RowOutcome>[] = [
  { get header() {
      return t("watchlists.vehicles.line");
    }, rowHeader: true, cell: (outcome) => outcome.line },
  { get header() {
      return t("watchlists.vehicles.plate");
    }, cell: (outcome) => orDash(outcome.plate ? <code>{outcome.plate}</code> : null) },
  {
    get header() {
      return t("watchlists.vehicles.result");
    },
    cell: (outcome) =>
      outcome.imported ? (
        <span className="state-ok">✓ Imported</span>
      ) : (
        <span className="state-error">✗ Rejected: {readableMessage(outcome.reason)}</span>
      ),
  },
];

/** Row by row: what went in and what was refused, with the server's reason. */
export function ImportRows({ imported }: { imported: Imported }) {
  const { fileName, rows, report } = imported;
  const { outcomes, complete } = importOutcome(rows, report);
  const importedCount = report.created + report.updated;
  return (
    <div data-testid="import-rows">
      {outcomes.length > 0 ? (
        <RecordTable
          rows={outcomes}
          rowKey={(outcome) => outcome.line}
          columns={OUTCOME_COLUMNS}
          caption={complete ? t("watchlists.vehicles.everyRowOf", { fileName }) : t("watchlists.vehicles.rejectedRowsOf", { fileName })}
          captionClassName="wl-caption"
        />
      ) : null}
      {!complete && importedCount > 0 ? (
        <p className="muted">
          {t("watchlists.vehicles.otherRowsImported", { count: importedCount })}
        </p>
      ) : null}
    </div>
  );
}
