import { useEffect, useRef, useState } from "react";
import { describeError } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Options } from "../../components/Options";

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
    { describe: (caught) => `Could not get the PDF. ${describeError(caught)}` },
  );

  if (resource.status === "unavailable") return null;
  return (
    <section className="patrol-plan" aria-labelledby="patrol-plan-title">
      <h2 id="patrol-plan-title">Patrol plan</h2>
      <div className="toolbar">
        <label>
          Shift{" "}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            <Options items={SHIFT_HOURS} label={(h) => `next ${h} hours`} />
          </select>
        </label>
        <label>
          Crime type <input value={kind} onChange={(e) => setKind(e.target.value)} placeholder="all" />
        </label>
        <button type="button" className="btn" onClick={reload}>
          Re-plan
        </button>
        <button type="button" className="btn" disabled={pdf.busy} onClick={() => void pdf.run()}>
          Download PDF
        </button>
        <span role="status" className={pdf.error ? "field-error" : "muted"}>
          {pdf.busy ? "Preparing the PDF…" : (pdf.error ?? "")}
        </span>
      </div>
      {resource.status === "error" && <p role="alert">Could not plan the patrols: {resource.error}</p>}
      {resource.status === "loading" && !plan && <p role="status">Forecasting the shift…</p>}
      {plan && (
        <>
          <p>
            {plan.patrols.length} of {plan.units_considered} available police units planned from {plan.events_used}{" "}
            events; they cover {(100 * plan.covered_share).toFixed(1)} % of the {plan.expected_total.toFixed(1)}{" "}
            events expected in the shift.
          </p>
          {plan.patrols.length === 0 ? (
            <p className="state">No patrols planned: no available police unit with a known position, or no events.</p>
          ) : (
            <table className="table" data-testid="patrol-plan">
              <thead>
                <tr>
                  <th>Unit</th>
                  <th>Patrol cell</th>
                  <th>Travel</th>
                  <th>Expected events</th>
                  <th>Covered</th>
                </tr>
              </thead>
              <tbody>
                {plan.patrols.map((p) => (
                  <tr key={p.unit_id}>
                    <td>{p.callsign}</td>
                    <td>
                      {p.lat.toFixed(4)}, {p.lon.toFixed(4)}
                    </td>
                    <td>{Math.round(p.travel_s / 60)} min</td>
                    <td>{p.risk.toFixed(2)}</td>
                    <td>{p.covered_risk.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
