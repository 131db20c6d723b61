import { useState } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { FormMessage } from "../../components/FormField";
import type { EvidenceCase } from "./types";
import { t } from "../../i18n/catalogue";

/** Close or reopen: items of an open case are never purged by retention, so closing matters. */
export function CaseStatusControl({
  theCase,
  onChanged,
}: {
  theCase: EvidenceCase;
  onChanged: (updated: EvidenceCase) => void;
}) {
  const { client } = useAuth();
  const [done, setDone] = useState<string | null>(null);
  const next = theCase.status === "open" ? "closed" : "open";
  const change = useMutation(
    () =>
      client.PATCH("/api/v1/evidence/cases/{case_id}", {
        params: { path: { case_id: theCase.id } },
        body: { status: next },
      }),
    {
      onSuccess: (updated) => {
        setDone(next === "closed" ? t("evidence.caseClosed") : t("evidence.caseReopened"));
        onChanged(updated);
      },
    },
  );
  const run = () => {
    setDone(null);
    void change.run();
  };

  return (
    <div className="form-actions">
      <button type="button" className="btn" onClick={run} disabled={change.busy}>
        {next === "closed" ? t("evidence.closeCase") : t("evidence.reopenCase")}
      </button>
      <span className="muted">
        {theCase.status === "open"
          ? t("evidence.itemsOfAnOpen")
          : t("evidence.closedRetentionMayDelete")}
      </span>
      <FormMessage error={change.error} ok={done} />
    </div>
  );
}
