import { StateMessage } from "../../../components/StateMessage";
import { EvidenceGallery } from "../evidence/EvidenceGallery";
import { PlatePanel } from "../evidence/PlatePanel";
import { formatTime, violationTypeLabel } from "../labels";
import type { DecisionOutcome } from "../types";
import { useViolation } from "../useViolation";
import { ViolationFacts } from "../ViolationFacts";
import { DecisionPanel } from "./DecisionPanel";
import { t } from "../../../i18n/catalogue";

interface Props {
  violationId: string;
  /** "2 of 7" when the violation is in the loaded queue. */
  position: string | null;
  canValidate: boolean;
  reasons: readonly string[] | null;
  reasonsError: string | null;
  onDecided: (outcome: DecisionOutcome) => void;
  onConflict: () => void;
}

/** One violation with all its evidence, and the officer's decision. */
export function ValidationView({ violationId, position, canValidate, reasons, reasonsError, onDecided, onConflict }: Props) {
  const { resource } = useViolation(violationId);
  const violation = resource.data;
  if (resource.status === "unavailable") {
    return <p className="state state-error" role="alert">{t("challan.queue.noViolationItMay", { violationId })}</p>;
  }
  if (!violation || violation.id !== violationId) return <StateMessage resource={resource} what={t("challan.queue.theViolation")} />;
  return (
    <article className="challan-validation" aria-labelledby="challan-violation-title" data-testid="validation-view">
      <header className="section-head">
        <h2 id="challan-violation-title">
          {violationTypeLabel(violation.violation_type)} · <span className="challan-mono">{violation.plate ?? t("challan.queue.noPlateRead")}</span>
        </h2>
        <span className="muted">
          {position ? `${position} · ` : ""}
          {formatTime(violation.occurred_at)}
        </span>
      </header>
      <div className="challan-validation-top">
        <div>
          <PlatePanel violation={violation} />
          <ViolationFacts violation={violation} />
        </div>
        {violation.status !== "pending" ? (
          <p className="card" role="status">
            {t("challan.queue.thisViolationIsAlready", { status: violation.status })}
          </p>
        ) : canValidate ? (
          <DecisionPanel
            violation={violation}
            reasons={reasons}
            reasonsError={reasonsError}
            onDecided={onDecided}
            onConflict={onConflict}
          />
        ) : (
          <p className="card muted">{t("challan.queue.youMayViewThe")}</p>
        )}
      </div>
      <EvidenceGallery violation={violation} />
    </article>
  );
}
