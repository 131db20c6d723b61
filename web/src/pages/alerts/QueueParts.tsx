import { useId } from "react";
import { SEVERITY_LABEL, STATUS_LABEL } from "./format";
import { SHORTCUTS } from "./keyboard";
import type { QueueFilters, StatusFilter } from "./queue";
import { ALERT_STATUSES, SEVERITIES, type CameraSummary, type Severity } from "./types";
import { t } from "../../i18n/catalogue";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
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
      <FormField id={`${id}-status`} label={t("alerts.filter.status")} className="field-inline">
        {(control) => (
          <select {...control} value={filters.status} onChange={(e) => onChange({ ...filters, status: e.target.value as StatusFilter })}>
            <option value="open">{t("alerts.filter.open")}</option>
            <option value="">{t("alerts.filter.all")}</option>
            <Options items={ALERT_STATUSES} label={(s) => STATUS_LABEL[s]} />
          </select>
        )}
      </FormField>
      <FormField id={`${id}-severity`} label={t("alerts.filter.severity")} className="field-inline">
        {(control) => (
          <ChoiceSelect<Severity | "">
            {...control}
            none={t("alerts.filter.all")}
            values={SEVERITIES}
            label={(s) => (s ? SEVERITY_LABEL[s] : "")}
            value={filters.severity}
            onChange={(severity) => onChange({ ...filters, severity })}
          />
        )}
      </FormField>
      <FormField id={`${id}-camera`} label={t("alerts.filter.camera")} className="field-inline">
        {(control) =>
          cameras ? (
            <select {...control} value={filters.cameraId} onChange={(e) => onChange({ ...filters, cameraId: e.target.value })}>
              <option value="">{t("alerts.filter.allCameras")}</option>
              <Options items={cameras} value={(c) => c.id} label={(c) => c.name} />
            </select>
          ) : (
            <input
              {...control}
              value={filters.cameraId}
              placeholder={t("alerts.cameraId")}
              onChange={(e) => onChange({ ...filters, cameraId: e.target.value.trim() })}
            />
          )
        }
      </FormField>
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
