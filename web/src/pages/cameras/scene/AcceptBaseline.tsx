import { useState } from "react";
import { useMutation } from "../../../api/useMutation";
import { useAuth } from "../../../auth/AuthContext";
import { describeFailure } from "../apiErrors";
import { t } from "../../../i18n/catalogue";

/** Tells the camera's worker to take today's view as the reference its tamper detection compares with. */
export function AcceptBaseline({ cameraId }: { cameraId: string }) {
  const { client } = useAuth();
  const [accepted, setAccepted] = useState<string | null>(null);
  const accept = useMutation(
    () => client.POST("/api/v1/cameras/{camera_id}/accept-scene", { params: { path: { camera_id: cameraId } } }),
    {
      onSuccess: (answer) => setAccepted(t("cameras.scene.baselineAccepted", { status: answer.status ?? "" })),
      describe: (caught) => describeFailure(caught, t("cameras.scene.acceptTheView")),
    },
  );
  const run = () => {
    setAccepted(null);
    void accept.run();
  };

  return (
    <section className="card" aria-labelledby="baseline-title">
      <h2 id="baseline-title">{t("cameras.scene.tamperBaseline")}</h2>
      <p className="muted" id="baseline-help">
        {t("cameras.scene.theCameraSWorker")}
      </p>
      <div className="form-actions">
        <button type="button" className="btn" aria-describedby="baseline-help" disabled={accept.busy} onClick={run}>
          {accept.busy ? t("cameras.scene.sending") : t("cameras.scene.acceptCurrentViewAs")}
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
