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

const STATUS_CHOICES: { value: CandidateStatus | ""; label: string }[] = [
  { value: "pending", label: "Pending" },
  { value: "confirmed", label: "Confirmed" },
  { value: "rejected", label: "Rejected" },
  { value: "", label: "All" },
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
    const given = await askPurpose("Review face watchlist candidates");
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
        <h2 id="faces-title">Face candidates</h2>
        {purpose ? (
          <div className="toolbar">
            <div className="field field-inline">
              <label htmlFor={`${id}-status`}>Show</label>
              <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as CandidateStatus | "")}>
                <Options items={STATUS_CHOICES} value={(c) => c.value} label={(c) => c.label} />
              </select>
            </div>
            <button type="button" className="btn" onClick={reload}>
              Refresh
            </button>
          </div>
        ) : null}
      </div>
      <p className="muted">
        A candidate is only a machine suggestion. It becomes a match when {CONFIRMATIONS_NEEDED} different people confirm
        it; one rejection rejects it.
      </p>
      {purpose ? (
        <>
          <p className="muted" data-testid="faces-purpose">
            Purpose: {purpose.purpose}
            {purpose.caseRef ? ` (case ${purpose.caseRef})` : ""}
          </p>
          <StateMessage
            resource={resource}
            what="face candidates"
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
          Review face candidates
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
        Candidate {candidate.id}: {candidate.subject_name} <span className="muted">({candidate.category})</span>
      </h3>
      <div className="alert-media">
        <MediaFigure sha256={candidate.probe_sha256} caption={`Sighting crop, ${cameraName}`} purpose={purpose} />
        <MediaFigure
          sha256={candidate.enrolled_sha256}
          caption={`Watchlist image of ${candidate.subject_name}`}
          purpose={purpose}
        />
      </div>
      <dl className="alert-facts">
        <div>
          <dt>Score</dt>
          <dd>
            {(candidate.score * 100).toFixed(1)}% <span className="muted">(distance {candidate.distance.toFixed(3)})</span>
          </dd>
        </div>
        <div>
          <dt>Camera</dt>
          <dd>{cameraName}</dd>
        </div>
        <div>
          <dt>Seen</dt>
          <dd>
            <time dateTime={candidate.seen_at}>{formatTime(candidate.seen_at)}</time>{" "}
            <PlayVideoLink cameraId={candidate.camera_id} moment={candidate.seen_at} />
          </dd>
        </div>
        <div>
          <dt>Confirmations</dt>
          <dd>
            {state.confirmations} of {CONFIRMATIONS_NEEDED}
          </dd>
        </div>
      </dl>
      <p className={`two-person two-person-${candidate.status}`} data-testid="two-person-state">
        {state.summary}
      </p>
      {candidate.decisions.length ? (
        <ul className="decision-list" aria-label="Decisions">
          {candidate.decisions.map((d) => (
            <li key={`${d.username}-${d.created_at}`}>
              {d.decision === "confirm" ? "Confirmed" : "Rejected"} by {d.username} ({d.role}) at {formatTime(d.created_at)}
              {d.note ? `: ${d.note}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {candidate.status === "pending" ? (
        <div className="candidate-decide">
          <div className="field">
            <label htmlFor={`${id}-note`}>Note (optional)</label>
            <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              aria-label={`Confirm candidate ${candidate.id}`}
              aria-describedby={error ? `${id}-error` : undefined}
              onClick={() => void decide("confirm")}
            >
              Confirm match
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              aria-label={`Reject candidate ${candidate.id}`}
              onClick={() => void decide("reject")}
            >
              Reject
            </button>
          </div>
          {error ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {!state.canDecide && !error ? (
            <p className="muted">You have decided already; the server refuses a second decision by the same person.</p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
