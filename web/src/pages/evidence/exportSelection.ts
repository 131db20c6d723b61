/** Which items go into an export bundle, and the request body the server expects. */
import { mediaTypeOf, type EvidenceItem } from "./types";
import { t } from "../../i18n/catalogue";

export type ExportVersion = "original" | "redacted";

export interface ExportRequest {
  item_ids: number[];
  /** The server blurs faces in images and clips (keeping a redacted derivative) before signing. */
  redact: boolean;
}

/** Purged items have no file left to export. */
export function isExportable(item: EvidenceItem): boolean {
  return item.status !== "purged";
}

export function toggleSelection(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Everything exportable is selected → clear; else select everything exportable. */
export function toggleAll(selected: ReadonlySet<number>, items: readonly EvidenceItem[]): Set<number> {
  const exportable = items.filter(isExportable).map((item) => item.id);
  const allSelected = exportable.length > 0 && exportable.every((id) => selected.has(id));
  return allSelected ? new Set() : new Set(exportable);
}

/** The selection in the order the items are listed, without ids that are gone or not exportable. */
export function selectedItems(selected: ReadonlySet<number>, items: readonly EvidenceItem[]): EvidenceItem[] {
  return items.filter((item) => selected.has(item.id) && isExportable(item));
}

export const MAX_EXPORT_ITEMS = 200;

export function buildExportRequest(
  selected: ReadonlySet<number>,
  items: readonly EvidenceItem[],
  version: ExportVersion,
): { request: ExportRequest } | { error: string } {
  const chosen = selectedItems(selected, items);
  if (chosen.length === 0) return { error: t("evidence.chooseAtLeastOne") };
  if (chosen.length > MAX_EXPORT_ITEMS) return { error: t("evidence.atMostItemsIn", { maxExportItems: MAX_EXPORT_ITEMS }) };
  return { request: { item_ids: chosen.map((item) => item.id), redact: version === "redacted" } };
}

/** Items that a redacted export leaves as they are (documents and other files have no faces to blur). */
export function notRedactable(items: readonly EvidenceItem[]): EvidenceItem[] {
  return items.filter((item) => mediaTypeOf(item.suffix) === "other");
}
