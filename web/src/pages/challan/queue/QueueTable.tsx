import { Link } from "react-router";
import { RecordTable, type Column } from "../../../components/RecordTable";
import { CameraName } from "../cameraNames";
import { BASE_PATH, formatConfidence, formatTime, LOW_CONFIDENCE, measuredSummary, registryStatusLabel, violationTypeLabel } from "../labels";
import type { Violation } from "../types";
import { clipStatusWord, violationLinkName } from "./queueText";
import { t } from "../../../i18n/catalogue";

const QUEUE_COLUMNS: readonly Column<Violation>[] = [
  {
    get header() {
      return t("challan.queue.offence");
    },
    rowHeader: true,
    cell: (violation) => (
      <Link to={`${BASE_PATH}/violations/${encodeURIComponent(violation.id)}`} aria-label={violationLinkName(violation)}>
        {violationTypeLabel(violation.violation_type)}
      </Link>
    ),
  },
  { get header() {
      return t("challan.queue.time");
    }, cell: (violation) => formatTime(violation.occurred_at) },
  { get header() {
      return t("challan.queue.camera");
    }, cell: (violation) => <CameraName id={violation.camera_id} /> },
  {
    get header() {
      return t("challan.queue.plateRead");
    },
    cell: (violation) => (
      <>
        <span className="challan-mono">{violation.plate ?? "none"}</span>
        {violation.plate ? <ConfidenceNote confidence={violation.plate_confidence} /> : null}
      </>
    ),
  },
  { get header() {
      return t("challan.queue.measured");
    }, cell: measuredSummary },
  { get header() {
      return t("challan.queue.registry");
    }, cell: (violation) => registryStatusLabel(violation.registry_status) },
  { get header() {
      return t("challan.queue.clip");
    }, cell: (violation) => clipStatusWord(violation.clip_status) },
];

/** The pending violations, oldest first, one row each. */
export function QueueTable({ violations }: { violations: readonly Violation[] }) {
  return (
    <RecordTable
      rows={violations}
      rowKey={(violation) => violation.id}
      columns={QUEUE_COLUMNS}
      caption={t("challan.queue.pendingViolationsOldestFirst")}
      testId="challan-queue"
    />
  );
}

function ConfidenceNote({ confidence }: { confidence: number | null }) {
  const low = confidence !== null && confidence < LOW_CONFIDENCE;
  return (
    <span className={low ? "challan-low" : "muted"}>
      {" "}
      ({low ? t("challan.queue.low") : ""}
      {formatConfidence(confidence)})
    </span>
  );
}
