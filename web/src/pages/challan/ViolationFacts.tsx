import { formatTime, measuredSummary, reasonLabel, registryStatusLabel, signalDetails, violationTypeLabel } from "./labels";
import type { Violation } from "./types";
import { useCameraName } from "./cameraNames";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { t } from "../../i18n/catalogue";

/** What happened, where, when, and what was measured, as a description list. */
export function ViolationFacts({ violation }: { violation: Violation }) {
  const cameraName = useCameraName();
  const signal = signalDetails(violation);
  const registeredClass = violation.details.registered_class;
  return (
    <dl className="challan-facts">
      <dt>{t("challan.offence")}</dt>
      <dd>{violationTypeLabel(violation.violation_type)}</dd>
      <dt>{t("challan.time")}</dt>
      <dd>{formatTime(violation.occurred_at)}</dd>
      <dt>{t("challan.camera")}</dt>
      <dd>
        {cameraName(violation.camera_id)} <PlayVideoLink cameraId={violation.camera_id} moment={violation.occurred_at} />
      </dd>
      <dt>{t("challan.measured")}</dt>
      <dd data-testid="measured">{measuredSummary(violation)}</dd>
      {signal ? (
        <>
          <dt>{t("challan.signal")}</dt>
          <dd>{signal}</dd>
        </>
      ) : null}
      <dt>{t("challan.vehicleSeen")}</dt>
      <dd>{violation.object_class ?? "—"}</dd>
      <dt>{t("challan.registry")}</dt>
      <dd>
        {registryStatusLabel(violation.registry_status)}
        {typeof registeredClass === "string" ? t("challan.registeredAs", { registeredClass }) : ""}
      </dd>
      {violation.latitude !== null && violation.longitude !== null ? (
        <>
          <dt>{t("challan.location")}</dt>
          <dd>
            {violation.latitude.toFixed(5)}, {violation.longitude.toFixed(5)}
          </dd>
        </>
      ) : null}
      {violation.status !== "pending" ? (
        <>
          <dt>{t("challan.decision")}</dt>
          <dd>
            {t("challan.by", { status: violation.status, value: violation.reason ? ` (${reasonLabel(violation.reason)})` : "", decided_by: violation.decided_by ?? "—", time: formatTime(violation.decided_at) })}
          </dd>
        </>
      ) : null}
      {violation.note ? (
        <>
          <dt>{t("challan.note")}</dt>
          <dd>{violation.note}</dd>
        </>
      ) : null}
    </dl>
  );
}
