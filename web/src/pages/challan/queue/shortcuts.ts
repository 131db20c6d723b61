/** Single-key shortcuts for working through the queue; never while the officer is typing. */
import { isPageKey, usePageKeys, type KeyLike } from "../../../hooks/usePageKeys";
import { t } from "../../../i18n/catalogue";

export type ShortcutAction = "accept" | "reject" | "next" | "previous";

export const SHORTCUTS: readonly { key: string; action: ShortcutAction; label: string }[] = [
  { key: "a", action: "accept", get label() {
      return t("challan.queue.accept");
    } },
  { key: "r", action: "reject", get label() {
      return t("challan.queue.rejectWithTheChosen");
    } },
  { key: "n", action: "next", get label() {
      return t("challan.queue.nextViolation");
    } },
  { key: "p", action: "previous", get label() {
      return t("challan.queue.previousViolation");
    } },
];

export function shortcutFor(event: KeyLike & { repeat: boolean }): ShortcutAction | null {
  if (event.repeat || !isPageKey(event)) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key.toLowerCase())?.action ?? null;
}

/** Calls the handler for each shortcut present in `handlers`; absent actions leave the key alone. */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  usePageKeys(shortcutFor, handlers);
}
