import { Link } from "react-router";
import { isExportable, toggleAll, toggleSelection } from "./exportSelection";
import { formatSize, formatTime } from "./format";
import type { EvidenceItem } from "./types";

interface Selection {
  selected: ReadonlySet<number>;
  onChange: (next: Set<number>) => void;
}

export function itemLabel(item: EvidenceItem): string {
  return `Item ${item.id}${item.filename ? ` (${item.filename})` : ""}`;
}

/** The case's items; with `selection`, a checkbox per item chooses what to export. */
export function ItemsTable({
  caseId,
  items,
  selection,
}: {
  caseId: number;
  items: readonly EvidenceItem[];
  selection: Selection | null;
}) {
  const exportable = items.filter(isExportable);
  const allSelected = exportable.length > 0 && exportable.every((item) => selection?.selected.has(item.id));
  return (
    <div className="table-scroll">
      <table className="table" data-testid="items-table">
        <thead>
          <tr>
            {selection ? (
              <th scope="col">
                <label className="evidence-check">
                  <input
                    type="checkbox"
                    checked={allSelected}
                    onChange={() => selection.onChange(toggleAll(selection.selected, items))}
                  />
                  <span className="visually-hidden">Select all items for export</span>
                </label>
              </th>
            ) : null}
            <th scope="col">Item</th>
            <th scope="col">Kind</th>
            <th scope="col">Source</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Size</th>
            <th scope="col">Collected</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.status === "purged" ? "row-disabled" : undefined}>
              {selection ? (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Export ${itemLabel(item)}`}
                    checked={selection.selected.has(item.id)}
                    disabled={!isExportable(item)}
                    onChange={() => selection.onChange(toggleSelection(selection.selected, item.id))}
                  />
                </td>
              ) : null}
              <th scope="row">
                <Link to={`/evidence/cases/${caseId}/items/${item.id}`}>{itemLabel(item)}</Link>
              </th>
              <td>{item.kind}</td>
              <td>
                <ItemSource item={item} />
              </td>
              <td>
                <code className="evidence-hash">{item.sha256}</code>
              </td>
              <td>{formatSize(item.size)}</td>
              <td>
                {formatTime(item.collected_at)} by {item.collected_by}
              </td>
              <td>{item.status === "purged" ? "Purged by retention" : "Kept"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where the item came from: a camera and time range, an upload, or a redaction of another item. */
export function ItemSource({ item }: { item: EvidenceItem }) {
  const parts: string[] = [];
  if (item.derivation === "redacted" && item.original_id !== null) parts.push(`Faces redacted from item ${item.original_id}`);
  if (item.camera_id) parts.push(`Camera ${item.camera_id}`);
  if (item.start || item.end) parts.push(`${formatTime(item.start)} – ${formatTime(item.end)}`);
  if (parts.length === 0) parts.push(item.kind === "upload" ? "Uploaded file" : "—");
  return <>{parts.join(" · ")}</>;
}
