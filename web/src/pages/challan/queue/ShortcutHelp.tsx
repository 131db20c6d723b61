import { SHORTCUTS, type ShortcutAction } from "./shortcuts";
import { t } from "../../../i18n/catalogue";

/** The keys that work here, on screen (they are ignored while typing in a field). */
export function ShortcutHelp({ actions }: { actions: readonly ShortcutAction[] }) {
  const shown = SHORTCUTS.filter((shortcut) => actions.includes(shortcut.action));
  return (
    <section className="challan-shortcuts" aria-labelledby="challan-shortcuts-title">
      <h2 id="challan-shortcuts-title" className="visually-hidden">
        {t("challan.queue.keyboardShortcuts")}
      </h2>
      <span className="muted">{t("challan.queue.keys")}</span>
      <ul className="inline-list">
        {shown.map((shortcut) => (
          <li key={shortcut.key}>
            <kbd>{shortcut.key}</kbd> {shortcut.label}
          </li>
        ))}
      </ul>
      <span className="muted">{t("challan.queue.notWhileTypingIn")}</span>
    </section>
  );
}
