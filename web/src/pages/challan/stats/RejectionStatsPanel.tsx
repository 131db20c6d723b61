import { useState } from "react";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { ChoiceSelect } from "../../../components/ChoiceSelect";
import { FormField } from "../../../components/FormField";
import { RecordTable, type Column } from "../../../components/RecordTable";
import { StateMessage } from "../../../components/StateMessage";
import { CameraName } from "../cameraNames";
import { formatPercent, reasonLabel } from "../labels";
import type { CameraRejectionStats, RejectionStats } from "../types";
import { decidedCount, PERIOD_LABELS, PERIODS, reasonRows, sinceFor, type Period, type ReasonRow } from "./rates";
import { t } from "../../../i18n/catalogue";

/** Why officers reject violations, overall and per camera: misreading readers and faulty cameras stand out. */
export function RejectionStatsPanel() {
  const { client } = useAuth();
  const [period, setPeriod] = useState<Period>("7");
  const { resource } = useResource(
    (signal) =>
      client.GET("/api/v1/challan/stats/rejections", {
        params: { query: { since: sinceFor(period, new Date()) } },
        signal,
      }),
    [client, period],
  );
  const stats = resource.data;
  return (
    <section aria-labelledby="challan-stats-title">
      <div className="page-head">
        <h2 id="challan-stats-title">{t("challan.stats.rejectionStatistics")}</h2>
        <FormField id="challan-stats-period" label={t("challan.stats.decidedIn")} className="field-inline">
          {(control) => (
            <ChoiceSelect
              {...control}
              values={PERIODS}
              label={(option) => PERIOD_LABELS[option]}
              value={period}
              onChange={setPeriod}
            />
          )}
        </FormField>
      </div>
      <StateMessage resource={resource} what={t("challan.stats.rejectionStatistics2")} />
      {stats ? (
        decidedCount(stats) === 0 ? (
          <p className="state">{t("challan.stats.noDecisionsInThis")}</p>
        ) : (
          <>
            <ReasonTable stats={stats} />
            <CameraTable cameras={stats.by_camera} />
          </>
        )
      ) : null}
    </section>
  );
}

function ReasonTable({ stats }: { stats: RejectionStats }) {
  const rows = reasonRows(stats);
  const columns: readonly Column<ReasonRow>[] = [
    { header: t("challan.stats.reason"), rowHeader: true, cell: (row) => reasonLabel(row.reason) },
    { header: t("challan.stats.rejections"), cell: (row) => row.rejections },
    { header: t("challan.stats.shareOfRejections"), cell: (row) => formatPercent(row.shareOfRejections) },
    { header: t("challan.stats.rateAmongDecided", { decidedCount: decidedCount(stats) }), cell: (row) => <RateBar fraction={row.rateOfDecided} /> },
  ];
  return (
    <>
      <h3>{t("challan.stats.byReason")}</h3>
      {rows.length === 0 ? (
        <p className="state">{t("challan.stats.noRejectionsEveryDecided")}</p>
      ) : (
        <RecordTable
          rows={rows}
          rowKey={(row) => row.reason}
          columns={columns}
          className="table challan-stats"
          testId="stats-by-reason"
        />
      )}
    </>
  );
}

/** The table's columns, headed in the current language. */
const cameraColumns = (): readonly Column<CameraRejectionStats>[] => [
  { header: t("challan.stats.camera"), rowHeader: true, cell: (camera) => <CameraName id={camera.camera_id} /> },
  { header: t("challan.stats.accepted"), cell: (camera) => camera.accepted },
  { header: t("challan.stats.rejected"), cell: (camera) => camera.rejected },
  { header: t("challan.stats.duplicates"), cell: (camera) => camera.duplicates },
  { header: t("challan.stats.rejectionRate"), cell: (camera) => <RateBar fraction={camera.rejection_rate} /> },
  {
    header: t("challan.stats.reasons"),
    cell: (camera) =>
      Object.entries(camera.by_reason)
        .map(([reason, count]) => `${reasonLabel(reason)}: ${count}`)
        .join(", ") || "—",
  },
];

function CameraTable({ cameras }: { cameras: readonly CameraRejectionStats[] }) {
  return (
    <>
      <h3>{t("challan.stats.byCamera")}</h3>
      <RecordTable
        rows={cameras}
        rowKey={(camera) => camera.camera_id}
        columns={cameraColumns()}
        className="table challan-stats"
        testId="stats-by-camera"
      />
    </>
  );
}

/** The percentage in text, with a bar for scanning down the column. */
function RateBar({ fraction }: { fraction: number }) {
  return (
    <span className="challan-rate">
      <span className="challan-rate-text">{formatPercent(fraction)}</span>
      <span className="challan-rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, fraction * 100))}%` }} />
      </span>
    </span>
  );
}
