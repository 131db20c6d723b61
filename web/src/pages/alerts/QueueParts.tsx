import { useId } from "react";
import { SEVERITY_LABEL, STATUS_LABEL } from "./format";
import { SHORTCUTS } from "./keyboard";
import type { QueueFilters, StatusFilter } from "./queue";
import { ALERT_STATUSES, SEVERITIES, type CameraSummary, type Severity } from "./types";
import { t } from "../../i18n/catalogue";
import { Options } from "../../components/Options";

export function QueueFiltersBar({
  filters,
  cameras,
  onChange,
}: {
  filters: QueueFilters;
  cameras: readonly CameraSummary[] | null;
  onChange: (filters: QueueFilters) => void;
}) {
  const id = useId();
  return (
    <div className="toolbar alert-filters" role="group" aria-label={t("alerts.filter")}>
      <div className="field field-inline">
        <label htmlFor={`${id}-status`}>{t("alerts.filter.status")}</label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as StatusFilter })}
        >
          <option value="open">{t("alerts.filter.open")}</option>
          <option value="">{t("alerts.filter.all")}</option>
          <Options items={ALERT_STATUSES} label={(s) => STATUS_LABEL[s]} />
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-severity`}>{t("alerts.filter.severity")}</label>
        <select
          id={`${id}-severity`}
          value={filters.severity}
          onChange={(e) => onChange({ ...filters, severity: e.target.value as Severity | "" })}
        >
          <option value="">{t("alerts.filter.all")}</option>
          <Options items={SEVERITIES} label={(s) => SEVERITY_LABEL[s]} />
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-camera`}>{t("alerts.filter.camera")}</label>
        {cameras ? (
          <select id={`${id}-camera`} value={filters.cameraId} onChange={(e) => onChange({ ...filters, cameraId: e.target.value })}>
            <option value="">{t("alerts.filter.allCameras")}</option>
            <Options items={cameras} value={(c) => c.id} label={(c) => c.name} />
          </select>
        ) : (
          <input
            id={`${id}-camera`}
            value={filters.cameraId}
            placeholder={t("alerts.cameraId")}
            onChange={(e) => onChange({ ...filters, cameraId: e.target.value.trim() })}
          />
        )}
      </div>
    </div>
  );
}

export function ShortcutHelp() {
  return (
    <section className="shortcut-help" aria-labelledby="shortcut-help-title">
      <h2 id="shortcut-help-title">{t("alerts.shortcuts")}</h2>
      <p className="muted">{t("alerts.focusTheQueueTab")}</p>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.does}>
            <dt>
              {s.keys.map((k, index) => (
                <span key={k}>
                  {index > 0 ? " / " : null}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
