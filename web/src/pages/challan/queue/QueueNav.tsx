import { Link } from "react-router";
import { BASE_PATH, formatTime, violationTypeLabel } from "../labels";
import type { Violation } from "../types";
import { violationLinkName } from "./queueText";
import { t } from "../../../i18n/catalogue";

/** The queue beside the open violation: short entries, the open one marked. */
export function QueueNav({ violations, openId }: { violations: readonly Violation[]; openId: string }) {
  return (
    <nav aria-label={t("challan.queue.pendingViolations")} className="challan-queue-nav">
      <ol>
        {violations.map((violation) => (
          <li key={violation.id}>
            <Link
              to={`${BASE_PATH}/violations/${encodeURIComponent(violation.id)}`}
              aria-current={violation.id === openId ? "page" : undefined}
              aria-label={violationLinkName(violation)}
            >
              <strong>{violationTypeLabel(violation.violation_type)}</strong>{" "}
              <span className="challan-mono">{violation.plate ?? t("challan.queue.noPlate")}</span>
              <span className="muted">{formatTime(violation.occurred_at)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
