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

/** The table's columns, headed in the current language. */
const outcomeColumns = (): readonly Column<RowOutcome>[] => [
  { header: t("watchlists.vehicles.line"), rowHeader: true, cell: (outcome) => outcome.line },
  { header: t("watchlists.vehicles.plate"), cell: (outcome) => orDash(outcome.plate ? <code>{outcome.plate}</code> : null) },
  {
    header: t("watchlists.vehicles.result"),
    cell: (outcome) =>
      outcome.imported ? (
        <span className="state-ok">{t("watchlists.vehicles.rowImported")}</span>
      ) : (
        <span className="state-error">{t("watchlists.vehicles.rowRejected", { reason: readableMessage(outcome.reason) })}</span>
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
          columns={outcomeColumns()}
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
