/** Moving through the queue: the list is ordered oldest first, as the server returns it. */

interface HasId {
  id: string;
}

/**
 * The violation to open after `currentId` was decided or skipped: the next one in the list, else (at the
 * end) the first one still there before it. `done` holds ids decided in this session that a stale list may
 * still show. Null when nothing is left.
 */
export function nextInQueue(queue: readonly HasId[], currentId: string | null, done: ReadonlySet<string> = new Set()): string | null {
  const open = (item: HasId) => item.id !== currentId && !done.has(item.id);
  const index = currentId === null ? -1 : queue.findIndex((item) => item.id === currentId);
  const after = queue.slice(index + 1).find(open);
  if (after) return after.id;
  return queue.slice(0, Math.max(index, 0)).find(open)?.id ?? null;
}

/** The violation before `currentId` (wrapping to the last), for going back while skimming. */
export function previousInQueue(queue: readonly HasId[], currentId: string | null, done: ReadonlySet<string> = new Set()): string | null {
  const reversed = [...queue].reverse();
  return nextInQueue(reversed, currentId, done);
}
