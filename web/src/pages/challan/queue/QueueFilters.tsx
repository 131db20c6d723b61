import { useState, type FormEvent } from "react";
import type { QueueName } from "../types";

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
    <form className="challan-filters" onSubmit={submit} aria-label="Queue filters">
      <div className="field field-inline">
        <label htmlFor="challan-queue">Queue</label>
        <select
          id="challan-queue"
          value={value.queue}
          onChange={(e) => onChange({ ...value, queue: e.target.value as QueueName })}
        >
          <option value="validation">Validation</option>
          <option value="registry">Registry problems</option>
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="challan-camera">Camera id</label>
        <input id="challan-camera" value={cameraId} onChange={(e) => setCameraId(e.target.value)} placeholder="All cameras" />
      </div>
      <button type="submit" className="btn">
        Show
      </button>
    </form>
  );
}
