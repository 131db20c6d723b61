import { useState, type FormEvent } from "react";
import { ChoiceSelect } from "../../../components/ChoiceSelect";
import type { QueueName } from "../types";
import { t } from "../../../i18n/catalogue";

const QUEUES: readonly QueueName[] = ["validation", "registry"];
const queueLabel = (queue: QueueName) => (queue === "validation" ? t("challan.queue.validation") : t("challan.queue.registryProblems"));

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
        <ChoiceSelect
          id="challan-queue"
          values={QUEUES}
          label={queueLabel}
          value={value.queue}
          onChange={(queue) => onChange({ ...value, queue })}
        />
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
