import { t } from "../../../i18n/catalogue";export interface Status {
  kind: "ok" | "error";
  text: string;
}

/**
 * The outcome of the last action. The live region is always rendered, so that screen readers announce
 * the message when it appears; the text says what happened (colour is only a second cue).
 */
export function StatusLine({ status, testId }: { status: Status | null; testId?: string }) {
  return (
    <div role="status" aria-live="polite" data-testid={testId}>
      {status ? (
        <p className={status.kind === "ok" ? "state state-ok" : "state state-error"}>
          {status.kind === "error" ? t("watchlists.shared.failed") : ""}
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
