import { useState, type FormEvent } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { fieldOfError } from "../../../api/errors";
import { useMutation } from "../../../api/useMutation";
import { ChoiceSelect } from "../../../components/ChoiceSelect";
import { FormField } from "../../../components/FormField";
import { SubmitActions } from "../../../components/SubmitActions";
import type { Ticket } from "../types";
import { needsReason, officerTransitions, REASON_MAX, STATUS_ACTION, validateStatusChange, type OfficerStatus } from "./transitions";
import { t } from "../../../i18n/catalogue";

type StatusErrors = { status?: string; reason?: string; form?: string };

/** The field a refusal is about (a 409 such as "a reason is required" included), or null for the form. */
const refusedField = (caught: unknown) => fieldOfError(caught, ["reason", "status"] as const, { anyStatus: true });

/** Move the ticket on (delivered, contested, cancelled) where its current state allows. */
export function TicketStatusForm({ ticket, onChanged }: { ticket: Ticket; onChanged: (ticket: Ticket) => void }) {
  const { client } = useAuth();
  const options = officerTransitions(ticket.status);
  const [status, setStatus] = useState<OfficerStatus | "">("");
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState<StatusErrors>({});
  const change = useMutation(
    (next: OfficerStatus) =>
      client.POST("/api/v1/challan/tickets/{number}/status", {
        params: { path: { number: ticket.number } },
        body: { status: next, reason: reason.trim() || null },
      }),
    {
      onSuccess: (changed) => {
        setStatus("");
        setReason("");
        onChanged(changed);
      },
    },
  );
  const errors: StatusErrors = change.error ? { [refusedField(change.failure) ?? "form"]: change.error } : checked;

  if (options.length === 0) {
    return <p className="muted">{t("challan.tickets.aTicketCannotChange", { status: ticket.status })}</p>;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateStatusChange(status, reason);
    change.reset();
    setChecked(found);
    if (!found.status && !found.reason && status) void change.run(status);
  };

  return (
    <form className="card challan-status-form" onSubmit={submit} aria-labelledby="challan-status-title" noValidate>
      <h3 id="challan-status-title">{t("challan.tickets.changeStatus")}</h3>
      <FormField id="challan-new-status" label={t("challan.tickets.newStatus")} error={errors.status}>
        {(control) => (
          <ChoiceSelect<OfficerStatus | "">
            {...control}
            none={t("challan.tickets.choose")}
            values={options}
            label={(option) => (option ? STATUS_ACTION[option] : "")}
            value={status}
            onChange={setStatus}
          />
        )}
      </FormField>
      <FormField
        id="challan-status-reason"
        label={t("challan.tickets.reason", { value: status && needsReason(status) ? t("challan.tickets.required") : t("challan.tickets.optional") })}
        error={errors.reason}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={reason}
            maxLength={REASON_MAX + 100}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </FormField>
      <SubmitActions label={t("challan.tickets.saveStatus")} busyLabel={t("challan.tickets.saving")} busy={change.busy} error={errors.form} />
    </form>
  );
}
