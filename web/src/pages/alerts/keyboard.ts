/**
 * Queue shortcuts for long shifts. Navigation keys act only where they cannot mean something else (arrows
 * and Enter on the queue itself); letter keys act anywhere on the page except while typing or in a dialog.
 */

import type { CloseAction } from "./queue";
import { t } from "../../i18n/catalogue";

export type QueueCommand =
  | "next"
  | "previous"
  | "first"
  | "last"
  | "open"
  | "acknowledge"
  | "dismiss"
  | "incident"
  | CloseAction;

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface KeyContext {
  /** Focus is in an input, textarea, select or editable element. */
  typing: boolean;
  /** Focus is on the queue list itself. */
  onQueue: boolean;
  /** A dialog is open (it handles its own keys). */
  inDialog: boolean;
}

export const SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ["↓", "j"], get does() {
      return t("alerts.nextAlert");
    } },
  { keys: ["↑", "k"], get does() {
      return t("alerts.previousAlert");
    } },
  { keys: ["Home", "End"], get does() {
      return t("alerts.firstLastAlert");
    } },
  { keys: ["Enter"], get does() {
      return t("alerts.openTheAlertS");
    } },
  { keys: ["a"], get does() {
      return t("alerts.action.acknowledge");
    } },
  { keys: ["d"], get does() {
      return t("alerts.dismissAsksForA");
    } },
  { keys: ["i"], get does() {
      return t("alerts.createIncident");
    } },
  { keys: ["t", "f", "n"], get does() {
      return t("alerts.closeAsTrueFalse");
    } },
];

const LETTERS: Record<string, QueueCommand> = {
  j: "next",
  k: "previous",
  a: "acknowledge",
  d: "dismiss",
  i: "incident",
  t: "close_true",
  f: "close_false",
  n: "close_nuisance",
};

const ON_QUEUE: Record<string, QueueCommand> = {
  ArrowDown: "next",
  ArrowUp: "previous",
  Home: "first",
  End: "last",
  Enter: "open",
};

export function commandFor(input: KeyInput, context: KeyContext): QueueCommand | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (context.typing || context.inDialog) return null;
  if (context.onQueue && ON_QUEUE[input.key]) return ON_QUEUE[input.key] ?? null;
  return LETTERS[input.key] ?? null;
}

/** Where the key was pressed, from the event target. */
export function keyContextOf(target: EventTarget | null, queue: Element | null): KeyContext {
  const element = target instanceof Element ? target : null;
  const typing =
    element !== null &&
    (element.matches("input, textarea, select") || (element instanceof HTMLElement && element.isContentEditable === true));
  return {
    typing,
    onQueue: element !== null && element === queue,
    inDialog: element?.closest("[role=dialog]") != null,
  };
}

/** The index after moving by `command` in a list of `length` items (clamped; -1 for an empty list). */
export function moveIndex(current: number, command: QueueCommand, length: number): number {
  if (length === 0) return -1;
  switch (command) {
    case "next":
      return Math.min(current + 1, length - 1);
    case "previous":
      return current < 0 ? 0 : Math.max(current - 1, 0);
    case "first":
      return 0;
    case "last":
      return length - 1;
    default:
      return Math.min(Math.max(current, 0), length - 1);
  }
}
