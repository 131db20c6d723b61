import { useState } from "react";
import { describeError } from "../../api/errors";
import { useAuth } from "../../auth/AuthContext";
import { FormMessage } from "../../components/FormField";
import type { EvidenceCase } from "./types";

/** Close or reopen: items of an open case are never purged by retention, so closing matters. */
export function CaseStatusControl({
  theCase,
  onChanged,
}: {
  theCase: EvidenceCase;
  onChanged: (updated: EvidenceCase) => void;
}) {
  const { client } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = theCase.status === "open" ? "closed" : "open";

  const change = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const updated = await client.patch<EvidenceCase>(`/api/v1/evidence/cases/${theCase.id}`, { status: next });
      setDone(next === "closed" ? "Case closed." : "Case reopened.");
      onChanged(updated);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form-actions">
      <button type="button" className="btn" onClick={() => void change()} disabled={busy}>
        {next === "closed" ? "Close case" : "Reopen case"}
      </button>
      <span className="muted">
        {theCase.status === "open"
          ? "Items of an open case are never deleted by retention."
          : "Closed: retention may delete its items after the evidence period unless a legal hold covers them."}
      </span>
      <FormMessage error={error} ok={done} />
    </div>
  );
}
