import { describe, expect, it } from "vitest";
import { commandFor, keyContextOf, moveIndex } from "./keyboard";

const key = (k: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});
const onQueue = { typing: false, onQueue: true, inDialog: false };
const elsewhere = { typing: false, onQueue: false, inDialog: false };

describe("queue shortcuts", () => {
  it("moves with the arrows, j/k, Home and End, and opens with Enter on the queue", () => {
    expect(commandFor(key("ArrowDown"), onQueue)).toBe("next");
    expect(commandFor(key("j"), onQueue)).toBe("next");
    expect(commandFor(key("ArrowUp"), onQueue)).toBe("previous");
    expect(commandFor(key("k"), onQueue)).toBe("previous");
    expect(commandFor(key("Home"), onQueue)).toBe("first");
    expect(commandFor(key("End"), onQueue)).toBe("last");
    expect(commandFor(key("Enter"), onQueue)).toBe("open");
  });

  it("leaves arrows and Enter alone outside the queue (buttons and scrolling keep working)", () => {
    expect(commandFor(key("ArrowDown"), elsewhere)).toBeNull();
    expect(commandFor(key("Enter"), elsewhere)).toBeNull();
    expect(commandFor(key("j"), elsewhere)).toBe("next");
  });

  it("acts with a, d and i anywhere on the page", () => {
    expect(commandFor(key("a"), elsewhere)).toBe("acknowledge");
    expect(commandFor(key("d"), onQueue)).toBe("dismiss");
    expect(commandFor(key("i"), onQueue)).toBe("incident");
    expect(commandFor(key("x"), onQueue)).toBeNull();
  });

  it("ignores keys while typing, in a dialog, or with a modifier", () => {
    expect(commandFor(key("a"), { ...elsewhere, typing: true })).toBeNull();
    expect(commandFor(key("d"), { ...onQueue, inDialog: true })).toBeNull();
    expect(commandFor(key("a", { ctrlKey: true }), onQueue)).toBeNull();
    expect(commandFor(key("d", { metaKey: true }), onQueue)).toBeNull();
    expect(commandFor(key("i", { altKey: true }), onQueue)).toBeNull();
  });
});

describe("where a key was pressed", () => {
  it("knows text entry, the queue and dialogs", () => {
    document.body.innerHTML = `
      <ul id="queue" tabindex="0"></ul><input id="text" /><select id="pick"></select>
      <div role="dialog"><button id="inside">OK</button></div><button id="plain">Go</button>`;
    const queue = document.getElementById("queue");
    expect(keyContextOf(document.getElementById("text"), queue).typing).toBe(true);
    expect(keyContextOf(document.getElementById("pick"), queue).typing).toBe(true);
    expect(keyContextOf(queue, queue)).toEqual({ typing: false, onQueue: true, inDialog: false });
    expect(keyContextOf(document.getElementById("inside"), queue).inDialog).toBe(true);
    expect(keyContextOf(document.getElementById("plain"), queue)).toEqual(elsewhere);
  });
});

describe("moving through the list", () => {
  it("clamps at both ends and starts at the top", () => {
    expect(moveIndex(-1, "next", 3)).toBe(0);
    expect(moveIndex(2, "next", 3)).toBe(2);
    expect(moveIndex(0, "previous", 3)).toBe(0);
    expect(moveIndex(-1, "previous", 3)).toBe(0);
    expect(moveIndex(1, "last", 3)).toBe(2);
    expect(moveIndex(2, "first", 3)).toBe(0);
    expect(moveIndex(0, "next", 0)).toBe(-1);
  });
});
