import { useState, type FormEvent } from "react";
import type { QueueName } from "../types";
import { t } from "../../../i18n/catalogue";

export interface QueueFilter {
  queue: QueueName;
  cameraId: string;
}

/** Which queue to work (validation, or registry problems) and, optionally, one camera. */
export function QueueFilters({ value, onChange }: { value: QueueFilter; onChange: (next: QueueFilter) => void }) {
  const [cameraId, setCameraId] = useState(value.cameraId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...value, cameraId: cameraId.trim() });
  };
  return (
    <form className="challan-filters" onSubmit={submit} aria-label={t("challan.queue.queueFilters")}>
      <div className="field field-inline">
        <label htmlFor="challan-queue">{t("challan.queue.queue")}</label>
        <select
          id="challan-queue"
          value={value.queue}
          onChange={(e) => onChange({ ...value, queue: e.target.value as QueueName })}
        >
          <option value="validation">{t("challan.queue.validation")}</option>
          <option value="registry">{t("challan.queue.registryProblems")}</option>
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="challan-camera">{t("challan.queue.cameraId")}</label>
        <input id="challan-camera" value={cameraId} onChange={(e) => setCameraId(e.target.value)} placeholder={t("challan.queue.allCameras")} />
      </div>
      <button type="submit" className="btn">
        {t("challan.queue.show")}
      </button>
    </form>
  );
}
