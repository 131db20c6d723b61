import { useEffect, useRef } from "react";

const INPUT_EVENTS = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart"] as const;

/** Calls `onIdle` once after `seconds` without keyboard, mouse or touch input in this window (0: never). */
export function useIdle(seconds: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;

  useEffect(() => {
    if (seconds <= 0) return;
    let last = Date.now();
    const input = () => {
      last = Date.now();
    };
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const left = seconds * 1000 - (Date.now() - last);
      if (left <= 0) callback.current();
      else timer = setTimeout(check, left);
    };
    timer = setTimeout(check, seconds * 1000);
    for (const name of INPUT_EVENTS) window.addEventListener(name, input, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, input, { capture: true });
    };
  }, [seconds]);
}
