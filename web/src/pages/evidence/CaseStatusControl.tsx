import { useState } from "react";
import { FormMessage } from "../../components/FormField";
import { useCaseUpdate, type CaseChangeProps } from "./useCaseUpdate";
import { t } from "../../i18n/catalogue";

/** Close or reopen: items of an open case are never purged by retention, so closing matters. */
export function CaseStatusControl(props: CaseChangeProps) {
  const { theCase } = props;
  const [done, setDone] = useState<string | null>(null);
  const next = theCase.status === "open" ? "closed" : "open";
  const change = useCaseUpdate(props, ({ status }) =>
    setDone(status === "closed" ? t("evidence.caseClosed") : t("evidence.caseReopened")),
  );
  const run = () => {
    setDone(null);
    void change.run({ status: next });
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
