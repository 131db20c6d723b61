import { describe, expect, it } from "vitest";
import { shortcutFor } from "./shortcuts";

function press(key: string, target: EventTarget | null = document.body, extra: Partial<KeyboardEventInit> = {}) {
  return shortcutFor({ key, altKey: false, ctrlKey: false, metaKey: false, repeat: false, defaultPrevented: false, target, ...extra });
}

describe("queue shortcuts", () => {
  it("maps a, r, n and p to accept, reject, next and previous", () => {
    expect(press("a")).toBe("accept");
    expect(press("r")).toBe("reject");
    expect(press("n")).toBe("next");
    expect(press("p")).toBe("previous");
    expect(press("A")).toBe("accept");
    expect(press("x")).toBeNull();
  });

  it("ignores keys typed into fields", () => {
    for (const tag of ["input", "textarea", "select"]) expect(press("a", document.createElement(tag))).toBeNull();
    const editable = document.createElement("div");
    editable.contentEditable = "true";
    Object.defineProperty(editable, "isContentEditable", { value: true });
    expect(press("a", editable)).toBeNull();
  });

  it("ignores browser shortcuts, held keys and keys inside a dialog", () => {
    expect(press("r", document.body, { ctrlKey: true })).toBeNull();
    expect(press("n", document.body, { metaKey: true })).toBeNull();
    expect(press("a", document.body, { repeat: true })).toBeNull();
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const button = document.createElement("button");
    dialog.append(button);
    expect(press("a", button)).toBeNull();
    expect(press("a", document.createElement("button"))).toBe("accept");
  });
});
