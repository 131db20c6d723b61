import { useId, useState } from "react";
import { Link } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { useMutation } from "../../api/useMutation";
import { FieldError, FormField } from "../../components/FormField";
import { MediaImage } from "../../components/MediaImage";
import { formatDateTime } from "../../format/dateTime";
import { t, type MessageKey } from "../../i18n/catalogue";
import { citizenSees, decisionsFor, moderationLabel, photoOf, placeOf, reporterOf, statusChangeFor, type Decision, type Report } from "./moderation";

const DECISION_BUTTON: Record<Decision, { label: MessageKey; className: string }> = {
  accepted: { label: "reports.accept", className: "btn btn-primary" },
  rejected: { label: "reports.reject", className: "btn" },
  spam: { label: "reports.spam", className: "btn btn-danger" },
};

/** One report: the photo and what the citizen wrote; accept / reject / spam with a note; its status after. */
export function ReportDetail({ report, onChanged }: { report: Report; onChanged: (report: Report, message: string) => void }) {
  const { client } = useAuth();
  const id = useId();
  const [note, setNote] = useState("");
  const [openIncident, setOpenIncident] = useState(true);
  const decide = useMutation(
    (decision: Decision) =>
      client.POST("/api/v1/reports/{report_id}/moderate", {
        params: { path: { report_id: report.id } },
        body: { decision, note, open_incident: decision === "accepted" && openIncident },
      }),
    {
      onSuccess: (result, decision) => {
        setNote("");
        const incident = result.incident ? ` ${t("helpline.openedIncident", { id: result.incident.id })}` : "";
        onChanged(result.report, `${t("reports.decided", { id: report.id, decision: moderationLabel(decision) })}${incident}`);
      },
      words: { conflict: t("reports.reportHasBeenModerated", { id: report.id }) },
    },
  );
  const nextStatus = statusChangeFor(report);
  const setStatus = useMutation(
    (status: "open" | "closed") =>
      client.POST("/api/v1/reports/{report_id}/status", { params: { path: { report_id: report.id } }, body: { status, notes: note } }),
    { onSuccess: (changed) => onChanged(changed, t("reports.citizenStatus", { status: changed.status })) },
  );
  const photo = photoOf(report);
  const decisions = decisionsFor(report);

  return (
    <article className="card report-detail" aria-labelledby="report-detail-title" data-testid="report-detail">
      <h2 id="report-detail-title">
        #{report.id} {report.service_code} <span className="badge">{moderationLabel(report.moderation)}</span>
      </h2>
      <dl className="facts">
        <dt>{t("helpline.when")}</dt>
        <dd>{formatDateTime(report.requested_at)}</dd>
        <dt>{t("reports.where")}</dt>
        <dd>{placeOf(report)}</dd>
        <dt>{t("reports.reporter")}</dt>
        <dd>{reporterOf(report)}</dd>
        {report.incident_id ? (
          <>
            <dt>{t("incidents.title")}</dt>
            <dd>
              <Link to={`/incidents/${report.incident_id}`}>{t("helpline.openIncident", { id: report.incident_id })}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="report-description">{report.description || "—"}</p>
      <h3>{t("reports.photo")}</h3>
      {photo ? (
        <MediaImage sha256={photo} alt={`${t("reports.photo")} #${report.id}`} className="report-photo" />
      ) : report.media_url ? (
        <a href={report.media_url} target="_blank" rel="noreferrer">
          {report.media_url}
        </a>
      ) : (
        <p className="muted">{t("reports.noPhoto")}</p>
      )}
      {decisions.length > 0 || nextStatus ? (
        <FormField id={`${id}-note`} label={t("reports.note")}>
          {(control) => <textarea {...control} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
        </FormField>
      ) : null}
      {decisions.length > 0 ? (
        <div className="row-actions" role="group" aria-label={t("alerts.actions")}>
          <label className="checkbox">
            <input type="checkbox" checked={openIncident} onChange={(e) => setOpenIncident(e.target.checked)} /> {t("reports.openIncident")}
          </label>
          {decisions.map((decision) => (
            <button key={decision} type="button" className={DECISION_BUTTON[decision].className} disabled={decide.busy} onClick={() => void decide.run(decision)}>
              {t(DECISION_BUTTON[decision].label)}
            </button>
          ))}
        </div>
      ) : null}
      {decide.error ? <FieldError>{decide.error}</FieldError> : null}
      {nextStatus ? (
        <p>
          <button type="button" className="btn" disabled={setStatus.busy} onClick={() => void setStatus.run(nextStatus)}>
            {nextStatus === "closed" ? t("reports.closeReport") : t("reports.reopen")}
          </button>
          {setStatus.error ? <FieldError>{setStatus.error}</FieldError> : null}
        </p>
      ) : null}
      <section aria-labelledby={`${id}-citizen`} className="report-citizen" data-testid="citizen-sees">
        <h3 id={`${id}-citizen`}>{t("reports.citizenSees")}</h3>
        {citizenSees(report).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </section>
    </article>
  );
}
