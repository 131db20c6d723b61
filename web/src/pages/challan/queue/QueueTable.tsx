import { Link } from "react-router";
import { useCameraName } from "../cameraNames";
import { BASE_PATH, formatConfidence, formatTime, LOW_CONFIDENCE, measuredSummary, registryStatusLabel, violationTypeLabel } from "../labels";
import type { Violation } from "../types";
import { clipStatusWord, violationLinkName } from "./queueText";

/** The pending violations, oldest first, one row each. */
export function QueueTable({ violations }: { violations: readonly Violation[] }) {
  const cameraName = useCameraName();
  return (
    <div className="table-scroll">
      <table className="table" data-testid="challan-queue">
        <caption className="visually-hidden">Pending violations, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Offence</th>
            <th scope="col">Time</th>
            <th scope="col">Camera</th>
            <th scope="col">Plate read</th>
            <th scope="col">Measured</th>
            <th scope="col">Registry</th>
            <th scope="col">Clip</th>
          </tr>
        </thead>
        <tbody>
          {violations.map((violation) => (
            <tr key={violation.id}>
              <th scope="row">
                <Link to={`${BASE_PATH}/violations/${encodeURIComponent(violation.id)}`} aria-label={violationLinkName(violation)}>
                  {violationTypeLabel(violation.violation_type)}
                </Link>
              </th>
              <td>{formatTime(violation.occurred_at)}</td>
              <td>{cameraName(violation.camera_id)}</td>
              <td>
                <span className="challan-mono">{violation.plate ?? "none"}</span>
                {violation.plate ? <ConfidenceNote confidence={violation.plate_confidence} /> : null}
              </td>
              <td>{measuredSummary(violation)}</td>
              <td>{registryStatusLabel(violation.registry_status)}</td>
              <td>{clipStatusWord(violation.clip_status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ConfidenceNote({ confidence }: { confidence: number | null }) {
  const low = confidence !== null && confidence < LOW_CONFIDENCE;
  return (
    <span className={low ? "challan-low" : "muted"}>
      {" "}
      ({low ? "⚠ low, " : ""}
      {formatConfidence(confidence)})
    </span>
  );
}
