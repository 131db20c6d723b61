import { useNow } from "../../hooks/useNow";
import { formatDuration, incidentTimers } from "./time";
import type { Assignment, Incident } from "./types";
import { t } from "../../i18n/catalogue";

/** Age, time to dispatch and time on scene, ticking every second while they run. */
export function IncidentTimers({ incident, assignments }: { incident: Incident; assignments: Assignment[] }) {
  const now = useNow(1000);
  return (
    <dl className="timers" aria-label={t("incidents.timers")}>
      {incidentTimers(incident, assignments, now).map((timer) => (
        <div key={timer.label} className={timer.running ? "timer timer-running" : "timer"}>
          <dt>{timer.label}</dt>
          <dd data-testid="timer-value">
            {timer.seconds === null ? timer.pending : formatDuration(timer.seconds)}
            {timer.running ? <span className="muted">{" "}{t("incidents.running")}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
