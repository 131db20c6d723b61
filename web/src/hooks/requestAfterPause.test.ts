import { afterEach, describe, expect, it, vi } from "vitest";
import { requestAfterPause } from "./requestAfterPause";

describe("requestAfterPause", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("asks once the pause has passed, with a live signal", () => {
    vi.useFakeTimers();
    const request = vi.fn();
    requestAfterPause(300, request);
    vi.advanceTimersByTime(299);
    expect(request).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(request).toHaveBeenCalledTimes(1);
    expect((request.mock.calls[0]?.[0] as AbortSignal).aborted).toBe(false);
  });

  it("cleaning up before the pause ends never asks; after it, aborts the request", () => {
    vi.useFakeTimers();
    const early = vi.fn();
    requestAfterPause(300, early)();
    vi.advanceTimersByTime(1000);
    expect(early).not.toHaveBeenCalled();

    const late = vi.fn();
    const cleanup = requestAfterPause(300, late);
    vi.advanceTimersByTime(300);
    cleanup();
    expect((late.mock.calls[0]?.[0] as AbortSignal).aborted).toBe(true);
  });
});
