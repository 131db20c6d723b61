import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answeringFetch } from "../../test/fakes";
import { renderPage, requestedUrls } from "../../test/renderPage";
import { CityDataPage } from "./Page";
import { hourTotals } from "./PeakHoursChart";
import type { CityPlace } from "./types";

// jsdom has neither canvas nor WebGL: the map and the chart stand in as labelled regions showing what they got.
vi.mock("./PlacesMap", () => ({
  PlacesMap: ({ places, metric }: { places: CityPlace[]; metric: string }) => (
    <div role="region" aria-label="City data map">{`${places.filter((p) => p.located).length} on the map by ${metric}`}</div>
  ),
}));
vi.mock("./PeakHoursChart", async (original) => ({
  ...(await original<typeof import("./PeakHoursChart")>()),
  PeakHoursChart: () => <div role="img" aria-label="peak hours" />,
}));

function hours(counts: Record<number, [number, number]>) {
  return Array.from({ length: 24 }, (_, hour) => ({
    hour,
    people: counts[hour]?.[0] ?? 0,
    vehicles: counts[hour]?.[1] ?? 0,
    mean_occupancy: 0,
    peak_occupancy: 0,
  }));
}

const LIBERTY: CityPlace = {
  camera_id: "cam-a",
  name: "Liberty Chowk",
  district: "Gulberg",
  latitude: 31.51,
  longitude: 74.34,
  located: true,
  people: 5,
  vehicles: 2,
  by_class: { person: 5, car: 2 },
  peak_hour: 8,
  mean_occupancy: 0.06,
  peak_occupancy: 2,
  hours: hours({ 8: [4, 0], 17: [1, 2] }),
  days: [{ date: "2026-03-02", people: 5, vehicles: 2 }],
};
const UNPLACED: CityPlace = { ...LIBERTY, camera_id: "cam-b", name: "Gate 4", latitude: null, longitude: null, located: false, peak_hour: 12 };

const PLACES = {
  since: "2026-03-01T19:00:00Z",
  until: "2026-03-02T19:00:00Z",
  timezone: "Asia/Karachi",
  days: 1,
  places: [LIBERTY, UNPLACED],
  unlocated: ["cam-b"],
};
const JUNCTIONS = {
  ...PLACES,
  places: undefined,
  unlocated: [],
  junctions: [
    {
      camera_id: "cam-j",
      name: "Kalma Chowk",
      district: "Model Town",
      latitude: 31.5,
      longitude: 74.33,
      located: true,
      movements: [{ line: "north", direction: "in", total: 2, peak_hour: 10, hours: hours({}).map((_, h) => (h === 10 ? 2 : 0)) }],
    },
  ],
};

const server = () =>
  answeringFetch({ "/api/v1/dashboards/city/places": PLACES, "/api/v1/dashboards/city/junctions": JUNCTIONS });

function renderCityData(fetch: ReturnType<typeof server>) {
  renderPage(<CityDataPage />, { permissions: ["events.read"], user: { role: "supervisor" }, fetch });
}

describe("CityDataPage", () => {
  it("shows each place with its counts and peak hour, and says which places have no position", async () => {
    renderCityData(server());

    expect(await screen.findByRole("region", { name: "City data map" })).toHaveTextContent("1 on the map by people");
    const places = screen.getByRole("table", { name: "Places" });
    const liberty = within(places).getByText("Liberty Chowk").closest("tr")!;
    expect(within(liberty).getByText("08:00")).toBeInTheDocument();
    expect(within(places).getByText("Gate 4 (no position)")).toBeInTheDocument();
    expect(screen.getByRole("note")).toHaveTextContent("1 place(s) have no position and are not on the map: cam-b.");
    const flows = await screen.findByRole("table", { name: "Traffic flow per junction" });
    expect(within(flows).getByText("Kalma Chowk").closest("tr")).toHaveTextContent("Kalma Chowknorthin210:002");
  });

  it("asks for the chosen period, district and class", async () => {
    const fetchImpl = server();
    renderCityData(fetchImpl);
    await screen.findByRole("region", { name: "City data map" });

    await userEvent.selectOptions(screen.getByLabelText("Period"), "28");
    await userEvent.type(screen.getByLabelText("District"), "Gulberg");
    await userEvent.selectOptions(screen.getByLabelText("Object class"), "car");

    const final = requestedUrls(fetchImpl, "/api/v1/dashboards/city/places").at(-1)!;
    const since = Date.parse(final.searchParams.get("since")!);
    const until = Date.parse(final.searchParams.get("until")!);
    expect(until - since).toBe(28 * 86_400_000);
    expect(final.searchParams.get("district")).toBe("Gulberg");
    expect(final.searchParams.get("object_class")).toBe("car");
  });

  it("sums people and vehicles per hour of the day over the places for the peak-hours chart", () => {
    const totals = hourTotals([LIBERTY, UNPLACED]);
    expect(totals).toHaveLength(24);
    expect(totals[8]).toEqual({ hour: 8, people: 8, vehicles: 0 });
    expect(totals[17]).toEqual({ hour: 17, people: 2, vehicles: 4 });
    expect(totals[9]).toEqual({ hour: 9, people: 0, vehicles: 0 });
  });
});
