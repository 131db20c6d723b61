import { ConfirmButton } from "../../../components/ConfirmButton";
import { orDash, RecordTable, type Column } from "../../../components/RecordTable";
import { expiryText } from "../shared/expiry";
import type { HotlistEntry } from "../types";
import { t } from "../../../i18n/catalogue";

/** The plates on one hotlist, with edit and remove per row. */
export function EntriesTable({
  entries,
  onEdit,
  onRemove,
}: {
  entries: readonly HotlistEntry[];
  onEdit: (entry: HotlistEntry) => void;
  onRemove: (entry: HotlistEntry) => Promise<unknown>;
}) {
  if (entries.length === 0) return <p className="state">{t("watchlists.vehicles.noPlatesOnThis")}</p>;
  const columns: readonly Column<HotlistEntry>[] = [
    { header: t("watchlists.vehicles.plate"), rowHeader: true, cell: (entry) => <code className="wl-plate">{entry.plate}</code> },
    { header: t("watchlists.vehicles.matchKey"), cell: (entry) => <code>{entry.plate_key}</code> },
    { header: t("watchlists.vehicles.reason"), cell: (entry) => entry.reason },
    { header: t("watchlists.vehicles.caseRef"), cell: (entry) => orDash(entry.case_ref) },
    { header: t("watchlists.vehicles.vehicle"), cell: (entry) => orDash(entry.vehicle) },
    { header: t("watchlists.vehicles.expiry"), cell: (entry) => expiryText(entry.expires_at, entry.expired) },
    { header: t("watchlists.vehicles.addedBy"), cell: (entry) => entry.added_by },
    {
      header: t("watchlists.vehicles.actions"),
      className: "wl-actions",
      cell: (entry) => (
        <>
          <button
            type="button"
            className="btn btn-quiet btn-small"
            aria-label={t("watchlists.vehicles.edit", { plate: entry.plate })}
            onClick={() => onEdit(entry)}
          >
            {t("watchlists.vehicles.edit2")}
          </button>
          <ConfirmButton
            small
            label={t("watchlists.vehicles.remove", { plate: entry.plate })}
            question={t("watchlists.vehicles.removeFromTheList", { plate: entry.plate })}
            confirmLabel={t("watchlists.vehicles.remove2")}
            onConfirm={() => onRemove(entry)}
          />
        </>
      ),
    },
  ];
  return (
    <RecordTable
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={columns}
      rowClassName={(entry) => (entry.expired ? "row-disabled" : undefined)}
      caption={t("watchlists.vehicles.platesOnThisHotlist")}
      testId="entries-table"
    />
  );
}
