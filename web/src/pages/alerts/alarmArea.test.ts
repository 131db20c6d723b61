import { describe, expect, it } from "vitest";
import { districtsOf, loadWatchedDistricts, saveWatchedDistricts, watchesArea } from "./alarmArea";

describe("watchesArea", () => {
  it("pops up every alarm when the console watches no district in particular", () => {
    expect(watchesArea([], "Gulberg")).toBe(true);
  });

  it("pops up only the chosen districts' alarms", () => {
    expect(watchesArea(["Gulberg", "Model Town"], "Model Town")).toBe(true);
    expect(watchesArea(["Gulberg"], "Saddar")).toBe(false);
  });

  it("never hides an alarm that has no district (a panic, a camera without one)", () => {
    expect(watchesArea(["Gulberg"], null)).toBe(true);
    expect(watchesArea(["Gulberg"], undefined)).toBe(true);
  });
});

describe("watched districts", () => {
  it("round-trip through storage and survive a corrupt entry", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveWatchedDistricts(["Saddar"], storage);
    expect(loadWatchedDistricts(storage)).toEqual(["Saddar"]);
    store.set("safecity.alarm.districts", "{not json");
    expect(loadWatchedDistricts(storage)).toEqual([]);
  });

  it("are offered from the cameras' districts, once each and sorted", () => {
    expect(districtsOf([{ district: "Saddar" }, { district: null }, { district: "Gulberg" }, { district: "Saddar" }])).toEqual([
      "Gulberg",
      "Saddar",
    ]);
  });
});
