/**
 * Single-key page shortcuts (the e-challan queue, the player): a key is a shortcut only when it cannot mean
 * anything else — no Ctrl/Alt/Meta, not already handled, not while typing, not inside a dialog (it owns the
 * keyboard while open).
 */
import { useEffect, useRef } from "react";

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Whether the page may read `event` as a single-key shortcut. */
export function isPageKey(event: KeyLike): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return false;
  if (isTyping(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest("[role=dialog]"));
}

/**
 * Calls the handler of the command `commandOf` reads from each key pressed anywhere on the page (and keeps
 * the key from doing anything else); a key with no command, or a command absent from `handlers`, is left
 * alone. The newest `handlers` are used without re-subscribing.
 */
export function usePageKeys<Command extends string>(
  commandOf: (event: KeyboardEvent) => Command | null,
  handlers: Partial<Record<Command, () => void>>,
): void {
  const current = useRef({ commandOf, handlers });
  current.current = { commandOf, handlers };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = current.current.commandOf(event);
      const handler = command ? current.current.handlers[command] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
