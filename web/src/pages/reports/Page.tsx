import { useCallback, useId, useState } from "react";
import { useAuth } from "../../auth/AuthContext";
import { useResource } from "../../api/useResource";
import type { LiveEvent } from "../../api/types";
import { PickList } from "../../components/PickList";
import { StateMessage } from "../../components/StateMessage";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { alertFieldOf } from "../../live/eventFields";
import { useLiveSocket } from "../../live/useLiveSocket";
import { LivePageHead } from "../incidents/Badges";
import { MODERATION_LABEL, MODERATIONS, placeOf, type Moderation, type Report } from "./moderation";
import { ReportDetail } from "./ReportDetail";
import "./reports.css";
import { Options } from "../../components/Options";

const TOPICS = ["alert.created"];

/**
 * /reports (reports.moderate): citizens' reports waiting for a decision, oldest-first as the server orders
 * them; a new report (its alert on the live socket) reloads the queue.
 */
export default function ReportsPage() {
  const { client } = useAuth();
  const id = useId();
  const [moderation, setModeration] = useState<Moderation>("pending");
  const [selected, setSelected] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const list = useResource(
    (signal) => client.GET("/api/v1/reports", { params: { query: { moderation: [moderation], limit: 200 } }, signal }),
    [client, moderation, generation],
  );
  const reports: Report[] = list.resource.data ?? [];
  const chosen = reports.find((report) => report.id === selected) ?? null;
  const [decided, setDecided] = useState<Report | null>(null);
  const shown = decided && decided.id === selected ? decided : chosen;

  const onEvent = useCallback((event: LiveEvent) => {
    if (event.type === "alert.created" && alertFieldOf(event)?.kind === "citizen_report") setGeneration((g) => g + 1);
  }, []);
  const live = useLiveSocket(TOPICS, onEvent);

  return (
    <div className="reports">
      <LivePageHead title={t("reports.title")} live={live} />
      <div className="pick-columns reports-columns">
        <section aria-labelledby={`${id}-queue`}>
          <div className="section-head">
            <h2 id={`${id}-queue`}>{t("reports.queue")}</h2>
            <div className="field field-inline">
              <label htmlFor={`${id}-show`}>{t("reports.show")}</label>
              <select id={`${id}-show`} value={moderation} onChange={(e) => setModeration(e.target.value as Moderation)}>
                <Options items={MODERATIONS} label={(m) => MODERATION_LABEL[m]} />
              </select>
            </div>
          </div>
          <p role="status" className="muted" data-testid="reports-message">
            {message}
          </p>
          <StateMessage resource={list.resource} what={t("reports.citizenReports")} empty={reports.length === 0 ? <p className="state">{t("reports.empty")}</p> : null} />
          <PickList
            items={reports}
            itemKey={(report) => report.id}
            selected={selected}
            onPick={(report) => {
              setSelected(report.id);
              setDecided(null);
            }}
            testId="report-list"
          >
            {(report) => (
              <>
                <strong>
                  #{report.id} {report.service_code}
                </strong>
                <span>{report.description.slice(0, 120) || "—"}</span>
                <span className="muted">
                  {formatDateTime(report.requested_at)} · {placeOf(report)}
                </span>
              </>
            )}
          </PickList>
        </section>
        <div>
          {shown ? (
            <ReportDetail
              key={shown.id}
              report={shown}
              onChanged={(report, text) => {
                setDecided(report);
                setMessage(text);
                setGeneration((g) => g + 1);
              }}
            />
          ) : (
            <p className="state card">{t("reports.select")}</p>
          )}
        </div>
      </div>
    </div>
  );
}
