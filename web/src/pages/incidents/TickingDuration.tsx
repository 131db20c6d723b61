import { useNow } from "../../hooks/useNow";
import { formatDuration } from "./time";

/**
 * A duration that grows while you watch: `secondsAt(now)` is read again every second. Only this element
 * ticks, not the whole table around it.
 */
export function TickingDuration({ secondsAt }: { secondsAt: (nowMs: number) => number }) {
  const now = useNow(1000);
  return <>{formatDuration(secondsAt(now))}</>;
}
