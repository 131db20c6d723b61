import { useEffect, useRef, useState } from "react";

/**
 * A destructive action in two steps: the first press asks, the second does it. Inline rather than a
 * browser confirm() so the question is styled, keyboard-reachable and readable by screen readers.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  small = false,
}: {
  /** Accessible name of the first button, e.g. "Remove LEB-06-5700". */
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  small?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const size = small ? " btn-small" : "";

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking)
    return (
      <button type="button" className={`btn btn-quiet${size}`} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <span className="wl-confirm" role="group" aria-label={question}>
      <span>{question}</span>{" "}
      <button ref={confirmRef} type="button" className={`btn btn-danger${size}`} disabled={busy} onClick={() => void confirm()}>
        {confirmLabel}
      </button>{" "}
      <button type="button" className={`btn btn-quiet${size}`} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
