import { useState } from "react";
import { useMutation } from "../../../api/useMutation";
import { useAuth } from "../../../auth/AuthContext";
import { describeFailure } from "../apiErrors";

/** Tells the camera's worker to take today's view as the reference its tamper detection compares with. */
export function AcceptBaseline({ cameraId }: { cameraId: string }) {
  const { client } = useAuth();
  const [accepted, setAccepted] = useState<string | null>(null);
  const accept = useMutation(
    () => client.POST("/api/v1/cameras/{camera_id}/accept-scene", { params: { path: { camera_id: cameraId } } }),
    {
      onSuccess: (answer) => setAccepted(`Baseline accepted: ${answer.status}.`),
      describe: (caught) => describeFailure(caught, "accept the view"),
    },
  );
  const run = () => {
    setAccepted(null);
    void accept.run();
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
        <button type="button" className="btn" aria-describedby="baseline-help" disabled={accept.busy} onClick={run}>
          {accept.busy ? "Sending…" : "Accept current view as baseline"}
        </button>
        <p
          role="status"
          className={accept.error ? "field-error" : accepted ? "state-ok" : undefined}
          data-testid="baseline-result"
        >
          {accept.error ?? accepted ?? ""}
        </p>
      </div>
    </section>
  );
}
