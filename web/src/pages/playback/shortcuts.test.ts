import { describe, expect, it } from "vitest";
import { commandFor } from "./shortcuts";

const key = (k: string, target: EventTarget | null = document.body, modifiers: Partial<KeyboardEventInit> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  defaultPrevented: false,
  target,
  ...modifiers,
});

describe("player shortcuts", () => {
  it("maps single keys to the player's commands", () => {
    expect(commandFor(key(" "))).toBe("toggle");
    expect(commandFor(key("k"))).toBe("toggle");
    expect(commandFor(key("j"))).toBe("back10");
    expect(commandFor(key("l"))).toBe("forward10");
    expect(commandFor(key(","))).toBe("frameBack");
    expect(commandFor(key("."))).toBe("frameForward");
    expect(commandFor(key(">"))).toBe("faster");
    expect(commandFor(key("I"))).toBe("markIn");
    expect(commandFor(key("o"))).toBe("markOut");
    expect(commandFor(key("e"))).toBe("export");
    expect(commandFor(key("x"))).toBeNull();
  });

  it("leaves keys alone while typing, with Ctrl/Alt/Meta, or inside a dialog", () => {
    expect(commandFor(key("j", document.createElement("input")))).toBeNull();
    expect(commandFor(key("j", document.body, { ctrlKey: true }))).toBeNull();
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const inside = document.createElement("span");
    dialog.append(inside);
    expect(commandFor(key("j", inside))).toBeNull();
  });

  it("lets Space press a focused button instead of toggling playback", () => {
    expect(commandFor(key(" ", document.createElement("button")))).toBeNull();
  });
});
