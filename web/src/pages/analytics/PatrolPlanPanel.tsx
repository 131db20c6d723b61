import { useEffect, useRef, useState } from "react";
import { describeError } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Options } from "../../components/Options";
import { RecordTable } from "../../components/RecordTable";
import { t } from "../../i18n/catalogue";
import { latLon } from "./latLon";

const SHIFT_HOURS = [8, 12] as const;

/** The next shift's patrol plan: which available police unit patrols which cell (from the hotspot forecast),
 * its travel time and the risk it covers; printable as a PDF. */
export function PatrolPlanPanel() {
  const { client } = useAuth();
  const [hours, setHours] = useState<number>(8);
  const [kind, setKind] = useState("");
  const query = { hours, kind: kind || undefined };
  const { resource, reload } = useResource(
    (signal) => client.GET("/api/v1/crime/patrol-plan", { params: { query }, signal }),
    [client, hours, kind],
  );
  const plan = resource.data;
  const urls = useRef<string[]>([]);
  useEffect(
    () => () => {
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );
  const pdf = useMutation(
    async () => {
      const search = new URLSearchParams({ hours: String(hours), ...(kind ? { kind } : {}) });
      const url = await client.blobUrl(`/api/v1/crime/patrol-plan/pdf?${search.toString()}`);
      urls.current.push(url);
      const link = document.createElement("a");
      link.href = url;
      link.download = "patrol-plan.pdf";
      document.body.append(link);
      link.click();
      link.remove();
    },
    { describe: (caught) => t("analytics.couldNotGetThe", { describeError: describeError(caught) }) },
  );

  if (resource.status === "unavailable") return null;
  return (
    <section className="patrol-plan" aria-labelledby="patrol-plan-title">
      <h2 id="patrol-plan-title">{t("analytics.patrolPlan")}</h2>
      <div className="toolbar">
        <label>
          {t("analytics.shift")}{" "}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            <Options items={SHIFT_HOURS} label={(h) => t("analytics.nextHours", { h })} />
          </select>
        </label>
        <label>
          {t("analytics.crimeType")}{" "}<input value={kind} onChange={(e) => setKind(e.target.value)} placeholder={t("analytics.all")} />
        </label>
        <button type="button" className="btn" onClick={reload}>
          {t("analytics.rePlan")}
        </button>
        <button type="button" className="btn" disabled={pdf.busy} onClick={() => void pdf.run()}>
          {t("analytics.downloadPdf")}
        </button>
        <span role="status" className={pdf.error ? "field-error" : "muted"}>
          {pdf.busy ? t("analytics.preparingThePdf") : (pdf.error ?? "")}
        </span>
      </div>
      {resource.status === "error" && <p role="alert">{t("analytics.couldNotPlanThe", { error: resource.error })}</p>}
      {resource.status === "loading" && !plan && <p role="status">{t("analytics.forecastingTheShift")}</p>}
      {plan && (
        <>
          <p>
            {t("analytics.ofAvailablePoliceUnits", { count: plan.patrols.length, units_considered: plan.units_considered, events_used: plan.events_used, value: (100 * plan.covered_share).toFixed(1), expected_total: plan.expected_total.toFixed(1) })}
          </p>
          {plan.patrols.length === 0 ? (
            <p className="state">{t("analytics.noPatrolsPlannedNo")}</p>
          ) : (
            <RecordTable
              testId="patrol-plan"
              rows={plan.patrols}
              rowKey={(p) => p.unit_id}
              columns={[
                { header: t("analytics.unit"), cell: (p) => p.callsign },
                { header: t("analytics.patrolCell"), cell: latLon },
                { header: t("analytics.travel"), cell: (p) => t("analytics.min", { round: Math.round(p.travel_s / 60) }) },
                { header: t("analytics.expectedEvents"), cell: (p) => p.risk.toFixed(2) },
                { header: t("analytics.covered"), cell: (p) => p.covered_risk.toFixed(2) },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
