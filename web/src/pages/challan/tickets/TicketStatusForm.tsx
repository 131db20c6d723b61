import { useState, type FormEvent } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { describeError, fieldOfError } from "../../../api/errors";
import type { Ticket } from "../types";
import { needsReason, officerTransitions, REASON_MAX, STATUS_ACTION, validateStatusChange, type OfficerStatus } from "./transitions";

/** Move the ticket on (delivered, contested, cancelled) where its current state allows. */
export function TicketStatusForm({ ticket, onChanged }: { ticket: Ticket; onChanged: (ticket: Ticket) => void }) {
  const { client } = useAuth();
  const options = officerTransitions(ticket.status);
  const [status, setStatus] = useState<OfficerStatus | "">("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ status?: string; reason?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  if (options.length === 0) {
    return <p className="muted">A {ticket.status} ticket cannot change any more.</p>;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateStatusChange(status, reason);
    setErrors(found);
    if (found.status || found.reason || !status) return;
    setBusy(true);
    try {
      const changed = await client.post<Ticket>(`/api/v1/challan/tickets/${encodeURIComponent(ticket.number)}/status`, {
        status,
        reason: reason.trim() || null,
      });
      setStatus("");
      setReason("");
      onChanged(changed);
    } catch (caught) {
      const field = fieldOfError(caught, ["reason", "status"] as const, { anyStatus: true });
      setErrors({ [field ?? "form"]: describeError(caught) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card challan-status-form" onSubmit={submit} aria-labelledby="challan-status-title" noValidate>
      <h3 id="challan-status-title">Change status</h3>
      <div className="field">
        <label htmlFor="challan-new-status">New status</label>
        <select
          id="challan-new-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as OfficerStatus | "")}
          aria-invalid={errors.status ? true : undefined}
          aria-describedby={errors.status ? "challan-new-status-error" : undefined}
        >
          <option value="">Choose…</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {STATUS_ACTION[option]}
            </option>
          ))}
        </select>
        {errors.status ? (
          <p id="challan-new-status-error" className="field-error" role="alert">
            {errors.status}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="challan-status-reason">
          Reason {status && needsReason(status) ? "(required)" : "(optional)"}
        </label>
        <textarea
          id="challan-status-reason"
          rows={2}
          value={reason}
          maxLength={REASON_MAX + 100}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? "challan-status-reason-error" : undefined}
        />
        {errors.reason ? (
          <p id="challan-status-reason-error" className="field-error" role="alert">
            {errors.reason}
          </p>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Saving…" : "Save status"}
        </button>
      </div>
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
    </form>
  );
}
