import { formatTime, measuredSummary, reasonLabel, registryStatusLabel, signalDetails, violationTypeLabel } from "./labels";
import type { Violation } from "./types";
import { useCameraName } from "./cameraNames";
import { PlayVideoLink } from "../../components/PlayVideoLink";

/** What happened, where, when, and what was measured, as a description list. */
export function ViolationFacts({ violation }: { violation: Violation }) {
  const cameraName = useCameraName();
  const signal = signalDetails(violation);
  const registeredClass = violation.details.registered_class;
  return (
    <dl className="challan-facts">
      <dt>Offence</dt>
      <dd>{violationTypeLabel(violation.violation_type)}</dd>
      <dt>Time</dt>
      <dd>{formatTime(violation.occurred_at)}</dd>
      <dt>Camera</dt>
      <dd>
        {cameraName(violation.camera_id)} <PlayVideoLink cameraId={violation.camera_id} moment={violation.occurred_at} />
      </dd>
      <dt>Measured</dt>
      <dd data-testid="measured">{measuredSummary(violation)}</dd>
      {signal ? (
        <>
          <dt>Signal</dt>
          <dd>{signal}</dd>
        </>
      ) : null}
      <dt>Vehicle seen</dt>
      <dd>{violation.object_class ?? "—"}</dd>
      <dt>Registry</dt>
      <dd>
        {registryStatusLabel(violation.registry_status)}
        {typeof registeredClass === "string" ? ` (registered as ${registeredClass})` : ""}
      </dd>
      {violation.latitude !== null && violation.longitude !== null ? (
        <>
          <dt>Location</dt>
          <dd>
            {violation.latitude.toFixed(5)}, {violation.longitude.toFixed(5)}
          </dd>
        </>
      ) : null}
      {violation.status !== "pending" ? (
        <>
          <dt>Decision</dt>
          <dd>
            {violation.status}
            {violation.reason ? ` (${reasonLabel(violation.reason)})` : ""} by {violation.decided_by ?? "—"},{" "}
            {formatTime(violation.decided_at)}
          </dd>
        </>
      ) : null}
      {violation.note ? (
        <>
          <dt>Note</dt>
          <dd>{violation.note}</dd>
        </>
      ) : null}
    </dl>
  );
}
