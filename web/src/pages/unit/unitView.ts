/** The unit's own screen (a tablet in the vehicle, or a dispatcher standing in for it). */
import type { LiveEvent } from "../../api/types";
import { fieldOf, isRecord } from "../../live/eventFields";
import type { Unit } from "../incidents/types";

const STORAGE_KEY = "safecity.unit";

/** The unit this device is, as chosen before here, if it still exists. */
export function rememberedUnit(units: readonly Unit[], storage: Pick<Storage, "getItem"> = localStorage): Unit | null {
  const id = storage.getItem(STORAGE_KEY);
  return units.find((unit) => unit.id === id) ?? null;
}

export function rememberUnit(id: string, storage: Pick<Storage, "setItem"> = localStorage): void {
  storage.setItem(STORAGE_KEY, id);
}

/** Units by callsign, for the chooser. */
export function byCallsign(units: readonly Unit[]): Unit[] {
  return [...units].sort((a, b) => a.callsign.localeCompare(b.callsign));
}

const idOf = (value: unknown): unknown => (isRecord(value) ? value.id : undefined);

/** Whether a live event (`unit.updated`, `incident.updated`) concerns this unit or its incident: then reload. */
export function concerns(unit: Unit, event: LiveEvent): boolean {
  if (event.type.startsWith("unit.")) return idOf(fieldOf(event, "unit")) === unit.id;
  if (event.type.startsWith("incident.")) return unit.incident_id != null && idOf(fieldOf(event, "incident")) === unit.incident_id;
  return false;
}
