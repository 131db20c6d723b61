import { FieldError } from "../../components/FormField";
import { useId, useState } from "react";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { StateMessage } from "../../components/StateMessage";
import { useMutation } from "../../api/useMutation";
import { candidateApi } from "./api";
import { MediaFigure } from "./AlertDetail";
import { formatTime } from "./format";
import { useCameraNames } from "./hooks";
import { CONFIRMATIONS_NEEDED, twoPersonState } from "./twoPerson";
import type { CandidateStatus, FaceCandidate } from "./types";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

const STATUS_CHOICES: { value: CandidateStatus | ""; label: string }[] = [
  { value: "pending", get label() {
      return t("alerts.pending");
    } },
  { value: "confirmed", get label() {
      return t("alerts.status.confirmed");
    } },
  { value: "rejected", get label() {
      return t("alerts.rejected");
    } },
  { value: "", get label() {
      return t("alerts.filter.all");
    } },
];

/**
 * Face watchlist candidates for two-person review. Viewing and deciding read personal data, so the page asks
 * for a purpose first; the server audits it with every call.
 */
export function FaceCandidatesPage() {
  const { client } = useAuth();
  const [purposeDialog, askPurpose] = usePurposePrompt();
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [status, setStatus] = useState<CandidateStatus | "">("pending");
  const { resource, reload, setResource } = useResource(
    (signal) => (purpose ? candidateApi.list(client, purpose, status, signal) : Promise.resolve([])),
    [client, purpose, status],
  );
  const { cameraName } = useCameraNames();
  const id = useId();

  const start = async () => {
    const given = await askPurpose(t("alerts.reviewFaceWatchlistCandidates"));
    if (given) setPurpose(given);
  };
  const replace = (changed: FaceCandidate) =>
    setResource((previous) =>
      previous.data === null ? previous : { ...previous, data: previous.data.map((c) => (c.id === changed.id ? changed : c)) },
    );

  return (
    <section aria-labelledby="faces-title">
      {purposeDialog}
      <div className="section-head">
        <h2 id="faces-title">{t("alerts.faceCandidates")}</h2>
        {purpose ? (
          <div className="toolbar">
            <div className="field field-inline">
              <label htmlFor={`${id}-status`}>{t("alerts.show")}</label>
              <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as CandidateStatus | "")}>
                <Options items={STATUS_CHOICES} value={(c) => c.value} label={(c) => c.label} />
              </select>
            </div>
            <button type="button" className="btn" onClick={reload}>
              {t("alerts.refresh")}
            </button>
          </div>
        ) : null}
      </div>
      <p className="muted">
        {t("alerts.aCandidateIsOnly", { needed: CONFIRMATIONS_NEEDED })}
      </p>
      {purpose ? (
        <>
          <p className="muted" data-testid="faces-purpose">
            {t("alerts.purpose", { purpose: purpose.purpose, value: purpose.caseRef ? t("alerts.case", { caseRef: purpose.caseRef }) : "" })}
          </p>
          <StateMessage
            resource={resource}
            what={t("alerts.faceCandidates2")}
            empty={resource.data?.length === 0 ? <p className="state">No {status || ""} face candidates.</p> : null}
          />
          <ul className="candidate-list">
            {(resource.data ?? []).map((candidate) => (
              <li key={candidate.id}>
                <CandidateCard candidate={candidate} purpose={purpose} cameraName={cameraName(candidate.camera_id)} onDecided={replace} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => void start()}>
          {t("alerts.reviewFaceCandidates")}
        </button>
      )}
    </section>
  );
}

function CandidateCard({
  candidate,
  purpose,
  cameraName,
  onDecided,
}: {
  candidate: FaceCandidate;
  purpose: Purpose;
  cameraName: string;
  onDecided: (candidate: FaceCandidate) => void;
}) {
  const { client, session } = useAuth();
  const me = session?.user.username ?? "";
  const state = twoPersonState(candidate, me);
  const [note, setNote] = useState("");
  const { busy, error, run: decide } = useMutation(
    (decision: "confirm" | "reject") => candidateApi.decide(client, candidate.id, purpose, decision, note),
    {
      onSuccess: (decided) => {
        onDecided(decided);
        setNote("");
      },
    },
  );
  const id = useId();

  return (
    <article className="card candidate" aria-labelledby={`${id}-title`} data-testid="face-candidate">
      <h3 id={`${id}-title`}>
        {t("alerts.candidate", { id: candidate.id, subject_name: candidate.subject_name })}{" "}<span className="muted">({candidate.category})</span>
      </h3>
      <div className="alert-media">
        <MediaFigure sha256={candidate.probe_sha256} caption={t("alerts.sightingCrop2", { cameraName })} purpose={purpose} />
        <MediaFigure
          sha256={candidate.enrolled_sha256}
          caption={t("alerts.watchlistImageOf", { subject_name: candidate.subject_name })}
          purpose={purpose}
        />
      </div>
      <dl className="alert-facts">
        <div>
          <dt>{t("alerts.score")}</dt>
          <dd>
            {(candidate.score * 100).toFixed(1)}% <span className="muted">{t("alerts.distance", { distance: candidate.distance.toFixed(3) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t("alerts.filter.camera")}</dt>
          <dd>{cameraName}</dd>
        </div>
        <div>
          <dt>{t("alerts.seen")}</dt>
          <dd>
            <time dateTime={candidate.seen_at}>{formatTime(candidate.seen_at)}</time>{" "}
            <PlayVideoLink cameraId={candidate.camera_id} moment={candidate.seen_at} />
          </dd>
        </div>
        <div>
          <dt>{t("alerts.confirmations")}</dt>
          <dd>
            {t("alerts.of", { confirmations: state.confirmations, needed: CONFIRMATIONS_NEEDED })}
          </dd>
        </div>
      </dl>
      <p className={`two-person two-person-${candidate.status}`} data-testid="two-person-state">
        {state.summary}
      </p>
      {candidate.decisions.length ? (
        <ul className="decision-list" aria-label={t("alerts.decisions")}>
          {candidate.decisions.map((d) => (
            <li key={`${d.username}-${d.created_at}`}>
              {t("alerts.byAt", { value: d.decision === "confirm" ? t("alerts.status.confirmed") : t("alerts.rejected"), username: d.username, role: d.role, time: formatTime(d.created_at), value2: d.note ? `: ${d.note}` : "" })}
            </li>
          ))}
        </ul>
      ) : null}
      {candidate.status === "pending" ? (
        <div className="candidate-decide">
          <div className="field">
            <label htmlFor={`${id}-note`}>{t("alerts.noteOptional")}</label>
            <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              aria-label={t("alerts.confirmCandidate", { id: candidate.id })}
              aria-describedby={error ? `${id}-error` : undefined}
              onClick={() => void decide("confirm")}
            >
              {t("alerts.confirmMatch")}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              aria-label={t("alerts.rejectCandidate", { id: candidate.id })}
              onClick={() => void decide("reject")}
            >
              {t("alerts.reject")}
            </button>
          </div>
          {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
          {!state.canDecide && !error ? (
            <p className="muted">{t("alerts.youHaveDecidedAlready")}</p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
