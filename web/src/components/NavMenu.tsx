import { useEffect, useId, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import type { NavItem } from "../auth/permissions";

/**
 * A header menu (a disclosure button and its links): closes on navigation, Escape (focus back on the
 * button) and a click elsewhere. The button is marked current when one of its pages is open.
 */
export function NavMenu({ label, items }: { label: string; items: readonly NavItem[] }) {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const id = useId();
  const rootRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = items.some((item) => location.pathname === item.path || location.pathname.startsWith(`${item.path}/`));

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <li className="nav-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={current ? "nav-menu-button nav-current" : "nav-menu-button"}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul id={id} className="nav-menu-list">
          {items.map((item) => (
            <li key={item.path}>
              <NavLink to={item.path}>{item.label}</NavLink>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
