import { Link } from "react-router";
import { RecordTable, type Column } from "../../../components/RecordTable";
import { CameraName } from "../cameraNames";
import { BASE_PATH, formatConfidence, formatTime, LOW_CONFIDENCE, measuredSummary, registryStatusLabel, violationTypeLabel } from "../labels";
import type { Violation } from "../types";
import { clipStatusWord, violationLinkName } from "./queueText";
import { t } from "../../../i18n/catalogue";

/** The table's columns, headed in the current language. */
const queueColumns = (): readonly Column<Violation>[] => [
  {
    header: t("challan.queue.offence"),
    rowHeader: true,
    cell: (violation) => (
      <Link to={`${BASE_PATH}/violations/${encodeURIComponent(violation.id)}`} aria-label={violationLinkName(violation)}>
        {violationTypeLabel(violation.violation_type)}
      </Link>
    ),
  },
  { header: t("challan.queue.time"), cell: (violation) => formatTime(violation.occurred_at) },
  { header: t("challan.queue.camera"), cell: (violation) => <CameraName id={violation.camera_id} /> },
  {
    header: t("challan.queue.plateRead"),
    cell: (violation) => (
      <>
        <span className="challan-mono">{violation.plate ?? t("challan.queue.plateNone")}</span>
        {violation.plate ? <ConfidenceNote confidence={violation.plate_confidence} /> : null}
      </>
    ),
  },
  { header: t("challan.queue.measured"), cell: measuredSummary },
  { header: t("challan.queue.registry"), cell: (violation) => registryStatusLabel(violation.registry_status) },
  { header: t("challan.queue.clip"), cell: (violation) => clipStatusWord(violation.clip_status) },
];

/** The pending violations, oldest first, one row each. */
export function QueueTable({ violations }: { violations: readonly Violation[] }) {
  return (
    <RecordTable
      rows={violations}
      rowKey={(violation) => violation.id}
      columns={queueColumns()}
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
