import { SHORTCUTS, type ShortcutAction } from "./shortcuts";

/** The keys that work here, on screen (they are ignored while typing in a field). */
export function ShortcutHelp({ actions }: { actions: readonly ShortcutAction[] }) {
  const shown = SHORTCUTS.filter((shortcut) => actions.includes(shortcut.action));
  return (
    <section className="challan-shortcuts" aria-labelledby="challan-shortcuts-title">
      <h2 id="challan-shortcuts-title" className="visually-hidden">
        Keyboard shortcuts
      </h2>
      <span className="muted">Keys:</span>
      <ul>
        {shown.map((shortcut) => (
          <li key={shortcut.key}>
            <kbd>{shortcut.key}</kbd> {shortcut.label}
          </li>
        ))}
      </ul>
      <span className="muted">(not while typing in a field)</span>
    </section>
  );
}
