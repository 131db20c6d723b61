import { Link } from "react-router";
import { RecordTable, type Column } from "../../../components/RecordTable";
import { CameraName } from "../cameraNames";
import { BASE_PATH, formatConfidence, formatTime, LOW_CONFIDENCE, measuredSummary, registryStatusLabel, violationTypeLabel } from "../labels";
import type { Violation } from "../types";
import { clipStatusWord, violationLinkName } from "./queueText";

const QUEUE_COLUMNS: readonly Column<Violation>[] = [
  {
    header: "Offence",
    rowHeader: true,
    cell: (violation) => (
      <Link to={`${BASE_PATH}/violations/${encodeURIComponent(violation.id)}`} aria-label={violationLinkName(violation)}>
        {violationTypeLabel(violation.violation_type)}
      </Link>
    ),
  },
  { header: "Time", cell: (violation) => formatTime(violation.occurred_at) },
  { header: "Camera", cell: (violation) => <CameraName id={violation.camera_id} /> },
  {
    header: "Plate read",
    cell: (violation) => (
      <>
        <span className="challan-mono">{violation.plate ?? "none"}</span>
        {violation.plate ? <ConfidenceNote confidence={violation.plate_confidence} /> : null}
      </>
    ),
  },
  { header: "Measured", cell: measuredSummary },
  { header: "Registry", cell: (violation) => registryStatusLabel(violation.registry_status) },
  { header: "Clip", cell: (violation) => clipStatusWord(violation.clip_status) },
];

/** The pending violations, oldest first, one row each. */
export function QueueTable({ violations }: { violations: readonly Violation[] }) {
  return (
    <RecordTable
      rows={violations}
      rowKey={(violation) => violation.id}
      columns={QUEUE_COLUMNS}
      caption="Pending violations, oldest first"
      testId="challan-queue"
    />
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
