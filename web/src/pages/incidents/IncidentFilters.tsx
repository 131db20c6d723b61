import { INCIDENT_STATUS_LOOK, INCIDENT_STATUSES, OPEN_INCIDENT_STATUSES, priorityLook, PRIORITIES } from "./lifecycle";
import type { ReactNode } from "react";
import type { Incident, IncidentStatus, IncidentType } from "./types";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

/** "open" = new, dispatched or on scene; "" = every status. */
export type StatusFilter = "open" | "" | IncidentStatus;

export interface IncidentFilter {
  status: StatusFilter;
  priority: string;
  type: string;
}

export const DEFAULT_FILTER: IncidentFilter = { status: "open", priority: "", type: "" };

export function statusesOf(filter: StatusFilter): IncidentStatus[] {
  if (filter === "open") return [...OPEN_INCIDENT_STATUSES];
  return filter === "" ? [] : [filter];
}

/** The same test the server applies, plus priority (which the API cannot filter): for live additions. */
export function matchesFilter(incident: Incident, filter: IncidentFilter): boolean {
  const statuses = statusesOf(filter.status);
  return (
    (statuses.length === 0 || statuses.includes(incident.status)) &&
    (!filter.type || incident.type === filter.type) &&
    (!filter.priority || incident.priority === Number(filter.priority))
  );
}

export function IncidentFilters({
  filter,
  types,
  onChange,
}: {
  filter: IncidentFilter;
  types: IncidentType[];
  onChange: (filter: IncidentFilter) => void;
}) {
  return (
    <div className="toolbar" role="group" aria-label={t("incidents.filterIncidents")}>
      <FilterField id="filter-status" label={t("incidents.status")}>
        <select
          id="filter-status"
          value={filter.status}
          onChange={(e) => onChange({ ...filter, status: e.target.value as StatusFilter })}
        >
          <option value="open">{t("incidents.openNewDispatchedOn")}</option>
          <option value="">{t("incidents.all")}</option>
          <Options items={INCIDENT_STATUSES} label={(s) => INCIDENT_STATUS_LOOK[s].label} />
        </select>
      </FilterField>
      <FilterField id="filter-priority" label={t("incidents.priority")}>
        <select id="filter-priority" value={filter.priority} onChange={(e) => onChange({ ...filter, priority: e.target.value })}>
          <option value="">{t("incidents.all")}</option>
          <Options items={PRIORITIES} label={(p) => priorityLook(p).label} />
        </select>
      </FilterField>
      <FilterField id="filter-type" label={t("incidents.type")}>
        <select id="filter-type" value={filter.type} onChange={(e) => onChange({ ...filter, type: e.target.value })}>
          <option value="">{t("incidents.all")}</option>
          <Options items={types} value={(t) => t.code} label={(t) => t.label} />
        </select>
      </FilterField>
    </div>
  );
}

/** A labelled filter control; screen readers hear its label as "<label> filter". */
function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field field-inline">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden">{" "}{t("incidents.filter")}</span>
      </label>
      {children}
    </div>
  );
}
