import { useEffect, useRef, useState } from "react";
import { useMutation } from "../api/useMutation";
import { t } from "../i18n/catalogue";

/**
 * A destructive action in two steps: the first press asks, the second does it. Inline rather than a
 * browser confirm() so the question is styled, keyboard-reachable and readable by screen readers.
 */
export function ConfirmButton({
  label,
  text,
  question,
  groupLabel,
  confirmLabel,
  cancelLabel = t("common.cancel"),
  focusCancel = false,
  onConfirm,
  small = false,
}: {
  /** Accessible name of the first button, e.g. "Remove LEB-06-5700". */
  label: string;
  /** Its visible text when shorter than `label` (e.g. "Delete" in a row that names the camera). */
  text?: string;
  question: string;
  /** Accessible name of the question's group (default: the question). */
  groupLabel?: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Focus the safe answer rather than the destructive one when asking. */
  focusCancel?: boolean;
  /** The action; it shows its own failure (e.g. a `useMutation`'s `run`). */
  onConfirm: () => Promise<unknown> | void;
  small?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const confirm = useMutation(async () => {
    await onConfirm();
  });
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const size = small ? " btn-small" : "";

  useEffect(() => {
    if (asking) (focusCancel ? cancelRef : confirmRef).current?.focus();
  }, [asking, focusCancel]);

  if (!asking)
    return (
      <button
        type="button"
        className={`btn btn-quiet${size}`}
        aria-label={text === undefined ? undefined : label}
        onClick={() => setAsking(true)}
      >
        {text ?? label}
      </button>
    );
  return (
    <span className="confirm-inline" role="group" aria-label={groupLabel ?? question}>
      <span>{question}</span>{" "}
      <button ref={confirmRef} type="button" className={`btn btn-danger${size}`} disabled={confirm.busy}
        onClick={() => void confirm.run().then(() => setAsking(false))}
      >
        {confirmLabel}
      </button>{" "}
      <button ref={cancelRef} type="button" className={`btn btn-quiet${size}`} onClick={() => setAsking(false)}>
        {cancelLabel}
      </button>
    </span>
  );
}
