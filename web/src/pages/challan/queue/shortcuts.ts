/** Single-key shortcuts for working through the queue; never while the officer is typing. */
import { isPageKey, usePageKeys, type KeyLike } from "../../../hooks/usePageKeys";

export type ShortcutAction = "accept" | "reject" | "next" | "previous";

export const SHORTCUTS: readonly { key: string; action: ShortcutAction; label: string }[] = [
  { key: "a", action: "accept", label: "Accept" },
  { key: "r", action: "reject", label: "Reject with the chosen reason" },
  { key: "n", action: "next", label: "Next violation" },
  { key: "p", action: "previous", label: "Previous violation" },
];

export function shortcutFor(event: KeyLike & { repeat: boolean }): ShortcutAction | null {
  if (event.repeat || !isPageKey(event)) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key.toLowerCase())?.action ?? null;
}

/** Calls the handler for each shortcut present in `handlers`; absent actions leave the key alone. */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  usePageKeys(shortcutFor, handlers);
}
