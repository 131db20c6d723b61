import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./apiError";
import { useMutation } from "./useMutation";

describe("useMutation", () => {
  it("is busy while the action runs and reports success", async () => {
    let finish: (value: string) => void = () => {};
    const onSuccess = vi.fn();
    const { result } = renderHook(() =>
      useMutation((_callsign: string) => new Promise<string>((resolve) => (finish = resolve)), { onSuccess }),
    );

    let done: Promise<boolean> = Promise.resolve(false);
    act(() => {
      done = result.current.run("P-1");
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish("saved");
      expect(await done).toBe(true);
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
    expect(onSuccess).toHaveBeenCalledWith("saved", "P-1");
  });

  it("puts a refusal in words and keeps what was thrown for field messages", async () => {
    const refusal = new ApiError(409, "unit taken");
    const onError = vi.fn();
    const { result } = renderHook(() =>
      useMutation((_unit: string) => Promise.reject(refusal), { words: { conflict: "P-1 could not be assigned." }, onError }),
    );
    await act(async () => {
      expect(await result.current.run("P-1")).toBe(false);
    });
    expect(onError).toHaveBeenCalledWith(refusal, "P-1");
    expect(result.current.error).toBe("P-1 could not be assigned. (unit taken)");
    expect(result.current.failure).toBe(refusal);
    expect(result.current.busy).toBe(false);

    act(() => result.current.reset());
    expect(result.current.error).toBeNull();
  });

  it("ignores a second run while the first is busy, and shows local messages", async () => {
    const action = vi.fn(() => new Promise<void>(() => {}));
    const { result } = renderHook(() => useMutation(action));
    act(() => {
      void result.current.run();
    });
    await act(async () => {
      expect(await result.current.run()).toBe(false);
    });
    expect(action).toHaveBeenCalledOnce();

    act(() => result.current.fail("Choose an incident type."));
    expect(result.current.error).toBe("Choose an incident type.");
  });
});
