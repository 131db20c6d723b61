import { useState } from "react";
import { FieldError, FormField } from "../../components/FormField";
import { useDispatchApi, useSubmit } from "./hooks";
import { formatClock } from "./time";
import type { LogEntry } from "./types";
import { messageRecord, t } from "../../i18n/catalogue";

const KIND_LABEL: Record<string, string> = messageRecord({
  note: "incidents.note",
  status: "incidents.status",
  dispatch: "incidents.dispatch",
  unit: "incidents.unit2",
  location: "incidents.location",
  link: "incidents.link",
});

/** Notes by people and the system's record of status changes and dispatches, oldest first. */
export function NarrativeLog({
  incidentId,
  entries,
  canWrite,
  onAdded,
}: {
  incidentId: number;
  entries: LogEntry[];
  canWrite: boolean;
  onAdded: () => void;
}) {
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">{t("incidents.log")}</h2>
      {entries.length === 0 ? (
        <p className="state">{t("incidents.nothingLoggedYet")}</p>
      ) : (
        <ol className="feed-list narrative" data-testid="narrative-log">
          {entries.map((entry) => (
            <li key={entry.id} className={`feed-item narrative-${entry.kind}`}>
              <div className="feed-line narrative-meta">
                <time dateTime={entry.time}>{formatClock(entry.time)}</time>
                <span className="feed-type">{KIND_LABEL[entry.kind] ?? entry.kind}</span>
                <span className="muted">{entry.author}</span>
              </div>
              <p className="narrative-text">{entry.text}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite ? <AddNoteForm incidentId={incidentId} onAdded={onAdded} /> : null}
    </section>
  );
}

function AddNoteForm({ incidentId, onAdded }: { incidentId: number; onAdded: () => void }) {
  const api = useDispatchApi();
  const [text, setText] = useState("");
  const { busy, error, submit } = useSubmit(async () => {
    await api.addNote(incidentId, text.trim());
    setText("");
    onAdded();
  });

  return (
    <form onSubmit={submit} className="note-form">
      <FormField id="new-note" label={t("incidents.addNote")}>
        {(control) => (
          <textarea {...control} rows={2} required maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !text.trim()}>
          {busy ? t("incidents.saving") : t("incidents.saveNote")}
        </button>
        {error ? <FieldError>{error}</FieldError> : null}
      </div>
    </form>
  );
}
