import { Link } from "react-router";
import { RecordTable, type Column } from "../../components/RecordTable";
import { isExportable, toggleAll, toggleSelection } from "./exportSelection";
import { formatSize, formatTime } from "./format";
import type { EvidenceItem } from "./types";
import { t } from "../../i18n/catalogue";

interface Selection {
  selected: ReadonlySet<number>;
  onChange: (next: Set<number>) => void;
}

export function itemLabel(item: EvidenceItem): string {
  return item.filename ? t("evidence.itemWithFile", { id: item.id, filename: item.filename }) : t("evidence.itemNumber", { id: item.id });
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
  const columns = selection ? [selectionColumn(items, selection), ...itemColumns(caseId)] : itemColumns(caseId);
  return (
    <RecordTable
      rows={items}
      rowKey={(item) => item.id}
      columns={columns}
      rowClassName={(item) => (item.status === "purged" ? "row-disabled" : undefined)}
      testId="items-table"
    />
  );
}

function itemColumns(caseId: number): Column<EvidenceItem>[] {
  return [
    {
      header: t("evidence.item4"),
      rowHeader: true,
      cell: (item) => <Link to={`/evidence/cases/${caseId}/items/${item.id}`}>{itemLabel(item)}</Link>,
    },
    { header: t("evidence.kind"), cell: (item) => item.kind },
    { header: t("evidence.source"), cell: (item) => <ItemSource item={item} /> },
    { header: "SHA-256", cell: (item) => <code className="evidence-hash">{item.sha256}</code> },
    { header: t("evidence.size"), cell: (item) => formatSize(item.size) },
    { header: t("evidence.collected"), cell: (item) => `${formatTime(item.collected_at)} by ${item.collected_by}` },
    { header: t("evidence.status"), cell: (item) => (item.status === "purged" ? t("evidence.purgedByRetention") : t("evidence.kept")) },
  ];
}

/** A checkbox per exportable item, and one in the heading for all of them. */
function selectionColumn(items: readonly EvidenceItem[], selection: Selection): Column<EvidenceItem> {
  const exportable = items.filter(isExportable);
  const allSelected = exportable.length > 0 && exportable.every((item) => selection.selected.has(item.id));
  return {
    header: (
      <label className="evidence-check">
        <input
          type="checkbox"
          checked={allSelected}
          onChange={() => selection.onChange(toggleAll(selection.selected, items))}
        />
        <span className="visually-hidden">{t("evidence.selectAllItemsFor")}</span>
      </label>
    ),
    cell: (item) => (
      <input
        type="checkbox"
        aria-label={t("evidence.export", { item: itemLabel(item) })}
        checked={selection.selected.has(item.id)}
        disabled={!isExportable(item)}
        onChange={() => selection.onChange(toggleSelection(selection.selected, item.id))}
      />
    ),
  };
}

/** Where the item came from: a camera and time range, an upload, or a redaction of another item. */
export function ItemSource({ item }: { item: EvidenceItem }) {
  const parts: string[] = [];
  if (item.derivation === "redacted" && item.original_id !== null) parts.push(t("evidence.facesRedactedFromItem", { original_id: item.original_id }));
  if (item.camera_id) parts.push(t("evidence.camera", { camera_id: item.camera_id }));
  if (item.start || item.end) parts.push(`${formatTime(item.start)} – ${formatTime(item.end)}`);
  if (parts.length === 0) parts.push(item.kind === "upload" ? t("evidence.uploadedFile") : "—");
  return <>{parts.join(" · ")}</>;
}
