/** Single-key shortcuts for working through the queue; never while the officer is typing. */
import { useEffect, useRef } from "react";

export type ShortcutAction = "accept" | "reject" | "next" | "previous";

export const SHORTCUTS: readonly { key: string; action: ShortcutAction; label: string }[] = [
  { key: "a", action: "accept", label: "Accept" },
  { key: "r", action: "reject", label: "Reject with the chosen reason" },
  { key: "n", action: "next", label: "Next violation" },
  { key: "p", action: "previous", label: "Previous violation" },
];

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || event.defaultPrevented) return null;
  if (isTyping(event.target)) return null;
  // A modal dialog (the purpose prompt, say) owns the keyboard while open.
  if (event.target instanceof Element && event.target.closest("[role=dialog]")) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key.toLowerCase())?.action ?? null;
}

/** Calls the handler for each shortcut present in `handlers`; absent actions leave the key alone. */
export function useShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      const handler = action ? current.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
