import { useState } from "react";
import { PAGE_SIZE, pageCount, pageItems } from "./paging";

/**
 * Client-side pages over a result list: the page shown, its items, and what a Pager needs to move between
 * pages (`<Pager label=… position=… {...paged.moves} />`).
 */
export function usePages<T>(items: readonly T[]) {
  const [page, setPage] = useState(0);
  const pages = pageCount(items.length);
  return {
    page,
    pages,
    shown: pageItems(items, page),
    /** The 1-based rank of the item at `index` on this page. */
    rank: (index: number) => page * PAGE_SIZE + index + 1,
    moves: {
      hasPrevious: page > 0,
      hasNext: page < pages - 1,
      onPrevious: () => setPage((p) => p - 1),
      onNext: () => setPage((p) => p + 1),
    },
  };
}
