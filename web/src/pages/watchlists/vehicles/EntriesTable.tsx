import { ConfirmButton } from "../../../components/ConfirmButton";
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
  onRemove: (entry: HotlistEntry) => Promise<void>;
}) {
  if (entries.length === 0) return <p className="state">No plates on this list yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="entries-table">
        <caption className="visually-hidden">Plates on this hotlist</caption>
        <thead>
          <tr>
            <th scope="col">Plate</th>
            <th scope="col">Match key</th>
            <th scope="col">Reason</th>
            <th scope="col">Case ref</th>
            <th scope="col">Vehicle</th>
            <th scope="col">Expiry</th>
            <th scope="col">Added by</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={entry.expired ? "row-disabled" : undefined}>
              <th scope="row">
                <code className="wl-plate">{entry.plate}</code>
              </th>
              <td>
                <code>{entry.plate_key}</code>
              </td>
              <td>{entry.reason}</td>
              <td>{entry.case_ref || <span className="muted">—</span>}</td>
              <td>{entry.vehicle || <span className="muted">—</span>}</td>
              <td>{expiryText(entry.expires_at, entry.expired)}</td>
              <td>{entry.added_by}</td>
              <td className="wl-actions">
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
