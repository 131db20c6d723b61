import { t } from "../../i18n/catalogue";/** The status in words; the colour only repeats it. */
export function CaseStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge evidence-status evidence-status-${status}`}>
      <span className="dot" aria-hidden="true" />
      {status === "open" ? t("evidence.open") : t("evidence.closed")}
    </span>
  );
}
