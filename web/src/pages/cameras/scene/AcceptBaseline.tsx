import { useState } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { describeFailure } from "../apiErrors";
import { cameraPath } from "../types";

/** Tells the camera's worker to take today's view as the reference its tamper detection compares with. */
export function AcceptBaseline({ cameraId }: { cameraId: string }) {
  const { client } = useAuth();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    setBusy(true);
    setResult(null);
    try {
      const answer = await client.post<{ status: string }>(cameraPath(cameraId, "/accept-scene"));
      setResult({ ok: true, text: `Baseline accepted: ${answer.status}.` });
    } catch (caught) {
      setResult({ ok: false, text: describeFailure(caught, "accept the view") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="baseline-title">
      <h2 id="baseline-title">Tamper baseline</h2>
      <p className="muted" id="baseline-help">
        The camera's worker compares every picture with a reference view and reports "Scene changed" when the
        camera has been moved, turned or covered. After the camera was re-aimed on purpose, check the picture
        above and accept it as the new reference. The request is recorded in the audit log.
      </p>
      <div className="form-actions">
        <button type="button" className="btn" aria-describedby="baseline-help" disabled={busy} onClick={() => void accept()}>
          {busy ? "Sending…" : "Accept current view as baseline"}
        </button>
        <p role="status" className={result ? (result.ok ? "state-ok" : "field-error") : undefined} data-testid="baseline-result">
          {result?.text ?? ""}
        </p>
      </div>
    </section>
  );
}
