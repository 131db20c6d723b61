import { describe, expect, it } from "vitest";
import { filtersOf, listQuery, PAGE_SIZE, searchOf } from "./listFilters";

describe("the register's filters", () => {
  it("round-trip through the page's URL, leaving out what is not set", () => {
    const filters = filtersOf(new URLSearchParams("q=imran&status=proclaimed_offender&vehicle=yes&page=3"));
    expect(filters).toEqual({ q: "imran", status: "proclaimed_offender", station: "", hasVehicle: "yes", reviewDue: "", page: 3 });
    expect(searchOf(filters).toString()).toBe("q=imran&status=proclaimed_offender&vehicle=yes&page=3");
  });

  it("ignore an unknown status and a page that is not a positive number", () => {
    expect(filtersOf(new URLSearchParams("status=hero&page=-2&review=maybe"))).toMatchObject({ status: "", page: 1, reviewDue: "" });
  });

  it("become the API's query: flags as booleans, the page as an offset", () => {
    const filters = filtersOf(new URLSearchParams("station=Model%20Town&review=no&page=2"));
    expect(listQuery(filters)).toEqual({
      q: undefined,
      status: undefined,
      station: "Model Town",
      has_vehicle: undefined,
      review_due: false,
      limit: PAGE_SIZE,
      offset: PAGE_SIZE,
    });
  });
});
