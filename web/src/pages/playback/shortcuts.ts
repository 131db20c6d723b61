/**
 * Player shortcuts, single keys like the alert queue's and the e-challan queue's: never while typing, never
 * with Ctrl/Alt/Meta, never while a dialog is open (it owns the keyboard).
 */
import { useEffect, useRef } from "react";

export type PlayerCommand =
  | "toggle"
  | "back10"
  | "forward10"
  | "frameBack"
  | "frameForward"
  | "slower"
  | "faster"
  | "markIn"
  | "markOut"
  | "export";

export const PLAYER_SHORTCUTS: readonly { keys: string[]; command: PlayerCommand; does: string }[] = [
  { keys: ["Space", "k"], command: "toggle", does: "Play / pause" },
  { keys: ["j"], command: "back10", does: "Back 10 s" },
  { keys: ["l"], command: "forward10", does: "Forward 10 s" },
  { keys: [","], command: "frameBack", does: "Previous frame" },
  { keys: ["."], command: "frameForward", does: "Next frame" },
  { keys: ["<"], command: "slower", does: "Slower" },
  { keys: [">"], command: "faster", does: "Faster" },
  { keys: ["i"], command: "markIn", does: "Mark in (start of the range to export)" },
  { keys: ["o"], command: "markOut", does: "Mark out (end of the range)" },
  { keys: ["e"], command: "export", does: "Export the range to a case" },
];

const BY_KEY: Record<string, PlayerCommand> = Object.fromEntries(
  PLAYER_SHORTCUTS.flatMap(({ keys, command }) => keys.map((key) => [key === "Space" ? " " : key, command])),
);

interface KeyLike {
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

export function commandFor(event: KeyLike): PlayerCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return null;
  if (isTyping(event.target)) return null;
  if (event.target instanceof Element && event.target.closest("[role=dialog]")) return null;
  // Space on a button presses the button; it is play/pause everywhere else.
  if (event.key === " " && event.target instanceof HTMLButtonElement) return null;
  return BY_KEY[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? BY_KEY[event.key] ?? null;
}

/** Calls the handler of each shortcut pressed anywhere on the page. */
export function usePlayerShortcuts(handlers: Record<PlayerCommand, () => void>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const command = commandFor(event);
      if (!command) return;
      event.preventDefault();
      current.current[command]();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
