import { describe, expect, it } from "vitest";
import { nextInQueue, previousInQueue } from "./progression";

const queue = [{ id: "a" }, { id: "b" }, { id: "c" }];

describe("moving through the queue", () => {
  it("opens the next older-to-newer violation after the one decided", () => {
    expect(nextInQueue(queue, "a")).toBe("b");
    expect(nextInQueue(queue, "b")).toBe("c");
  });

  it("goes back to the oldest remaining one after deciding the last", () => {
    expect(nextInQueue(queue, "c")).toBe("a");
  });

  it("skips violations already decided in this session", () => {
    expect(nextInQueue(queue, "a", new Set(["b"]))).toBe("c");
    expect(nextInQueue(queue, "c", new Set(["a"]))).toBe("b");
  });

  it("reports an empty queue when nothing else is left", () => {
    expect(nextInQueue([{ id: "a" }], "a")).toBeNull();
    expect(nextInQueue(queue, "b", new Set(["a", "c"]))).toBeNull();
    expect(nextInQueue([], null)).toBeNull();
  });

  it("starts with the oldest when none is open, and finds the next even if the open one left the list", () => {
    expect(nextInQueue(queue, null)).toBe("a");
    expect(nextInQueue(queue, "gone")).toBe("a");
  });

  it("steps back, wrapping to the newest", () => {
    expect(previousInQueue(queue, "b")).toBe("a");
    expect(previousInQueue(queue, "a")).toBe("c");
  });
});
