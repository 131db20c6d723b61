/** The status in words; the colour only repeats it. */
export function CaseStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge evidence-status evidence-status-${status}`}>
      <span className="dot" aria-hidden="true" />
      {status === "open" ? "Open" : "Closed"}
    </span>
  );
}
