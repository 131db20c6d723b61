import { useEffect, useState } from "react";

/** The current time in epoch ms, refreshed every `everyMs`: for ages and timers that tick on screen. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
