/**
 * Player shortcuts, single keys like the alert queue's and the e-challan queue's: never while typing, never
 * with Ctrl/Alt/Meta, never while a dialog is open (it owns the keyboard).
 */
import { isPageKey, usePageKeys, type KeyLike } from "../../hooks/usePageKeys";
import { msg, translated } from "../../i18n/catalogue";

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

export const PLAYER_SHORTCUTS = translated<readonly { keys: string[]; command: PlayerCommand; does: string }[]>([
  { keys: ["Space", "k"], command: "toggle", does: "Play / pause" },
  { keys: ["j"], command: "back10", does: "Back 10 s" },
  { keys: ["l"], command: "forward10", does: "Forward 10 s" },
  { keys: [","], command: "frameBack", does: msg("playback.previousFrame") },
  { keys: ["."], command: "frameForward", does: msg("playback.nextFrame") },
  { keys: ["<"], command: "slower", does: msg("playback.slower") },
  { keys: [">"], command: "faster", does: msg("playback.faster") },
  { keys: ["i"], command: "markIn", does: msg("playback.markInStartOf") },
  { keys: ["o"], command: "markOut", does: msg("playback.markOutEndOf") },
  { keys: ["e"], command: "export", does: msg("playback.exportTheRangeTo") },
]);

const BY_KEY: Record<string, PlayerCommand> = Object.fromEntries(
  PLAYER_SHORTCUTS.flatMap(({ keys, command }) => keys.map((key) => [key === "Space" ? " " : key, command])),
);

export function commandFor(event: KeyLike): PlayerCommand | null {
  if (!isPageKey(event)) return null;
  // Space on a button presses the button; it is play/pause everywhere else.
  if (event.key === " " && event.target instanceof HTMLButtonElement) return null;
  return BY_KEY[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? BY_KEY[event.key] ?? null;
}

/** Calls the handler of each shortcut pressed anywhere on the page. */
export function usePlayerShortcuts(handlers: Record<PlayerCommand, () => void>): void {
  usePageKeys(commandFor, handlers);
}
