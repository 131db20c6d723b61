import { describe, expect, it } from "vitest";
import type { Unit } from "../incidents/types";
import { byCallsign, concerns, rememberedUnit, rememberUnit } from "./unitView";

const event = (type: string, fields: Record<string, unknown>) => ({ id: "e", type, time: "", camera_id: null, source: "api", payload: {}, ...fields });
const unit = (id: string, callsign: string, incident_id: number | null = null) => ({ id, callsign, incident_id }) as Unit;

describe("the unit's own screen", () => {
  it("remembers which unit this device is, while that unit exists", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const units = [unit("u1", "Dolphin-7"), unit("u2", "PRU-2")];
    expect(rememberedUnit(units, storage)).toBeNull();
    rememberUnit("u2", storage);
    expect(rememberedUnit(units, storage)?.callsign).toBe("PRU-2");
    expect(rememberedUnit([units[0]!], storage)).toBeNull();
    expect(byCallsign(units).map((u) => u.callsign)).toEqual(["Dolphin-7", "PRU-2"]);
  });

  it("reloads for its own unit's and its incident's events only", () => {
    const mine = unit("u1", "Dolphin-7", 12);
    expect(concerns(mine, event("unit.updated", { unit: { id: "u1" }, action: "status" }))).toBe(true);
    expect(concerns(mine, event("unit.updated", { unit: { id: "u2" }, action: "status" }))).toBe(false);
    expect(concerns(mine, event("incident.updated", { incident: { id: 12 } }))).toBe(true);
    expect(concerns(mine, event("incident.updated", { incident: { id: 13 } }))).toBe(false);
    expect(concerns(unit("u1", "Dolphin-7"), event("incident.updated", { incident: { id: 12 } }))).toBe(false);
  });
});
