import { ConfirmButton } from "../../../components/ConfirmButton";
import { orDash, RecordTable, type Column } from "../../../components/RecordTable";
import { expiryText } from "../shared/expiry";
import type { HotlistEntry } from "../types";

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
  if (entries.length === 0) return <p className="state">No plates on this list yet.</p>;
  const columns: readonly Column<HotlistEntry>[] = [
    { header: "Plate", rowHeader: true, cell: (entry) => <code className="wl-plate">{entry.plate}</code> },
    { header: "Match key", cell: (entry) => <code>{entry.plate_key}</code> },
    { header: "Reason", cell: (entry) => entry.reason },
    { header: "Case ref", cell: (entry) => orDash(entry.case_ref) },
    { header: "Vehicle", cell: (entry) => orDash(entry.vehicle) },
    { header: "Expiry", cell: (entry) => expiryText(entry.expires_at, entry.expired) },
    { header: "Added by", cell: (entry) => entry.added_by },
    {
      header: "Actions",
      className: "wl-actions",
      cell: (entry) => (
        <>
          <button
            type="button"
            className="btn btn-quiet btn-small"
            aria-label={`Edit ${entry.plate}`}
            onClick={() => onEdit(entry)}
          >
            Edit
          </button>
          <ConfirmButton
            small
            label={`Remove ${entry.plate}`}
            question={`Remove ${entry.plate} from the list?`}
            confirmLabel="Remove"
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
      caption="Plates on this hotlist"
      testId="entries-table"
    />
  );
}
