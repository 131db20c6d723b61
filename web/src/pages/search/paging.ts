/** Client-side pages over a result list. */
export const PAGE_SIZE = 25;

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageItems<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  const last = pageCount(items.length, size) - 1;
  const index = Math.min(Math.max(0, page), last);
  return items.slice(index * size, (index + 1) * size);
}
