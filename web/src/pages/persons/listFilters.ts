/** The register's list filters, kept in the page's URL (`?q=&status=&station=&vehicle=&review=&page=`). */
import type { PersonStatus } from "./types";
import { PERSON_STATUSES } from "./types";

export const PAGE_SIZE = 25;

/** "" = either way. */
export type Either = "" | "yes" | "no";

export interface PersonFilters {
  q: string;
  status: PersonStatus | "";
  station: string;
  hasVehicle: Either;
  reviewDue: Either;
  page: number;
}

const either = (value: string | null): Either => (value === "yes" || value === "no" ? value : "");

export function filtersOf(params: URLSearchParams): PersonFilters {
  const status = params.get("status") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    q: params.get("q") ?? "",
    status: (PERSON_STATUSES as string[]).includes(status) ? (status as PersonStatus) : "",
    station: params.get("station") ?? "",
    hasVehicle: either(params.get("vehicle")),
    reviewDue: either(params.get("review")),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL's search parameters for `filters` (empty ones left out). */
export function searchOf(filters: PersonFilters): URLSearchParams {
  const entries: [string, string][] = [
    ["q", filters.q.trim()],
    ["status", filters.status],
    ["station", filters.station.trim()],
    ["vehicle", filters.hasVehicle],
    ["review", filters.reviewDue],
    ["page", filters.page > 1 ? String(filters.page) : ""],
  ];
  return new URLSearchParams(entries.filter(([, value]) => value !== ""));
}

const flag = (value: Either): boolean | undefined => (value === "" ? undefined : value === "yes");

/** The API's query for `filters` (the purpose is added by the caller). */
export function listQuery(filters: PersonFilters) {
  return {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    station: filters.station.trim() || undefined,
    has_vehicle: flag(filters.hasVehicle),
    review_due: flag(filters.reviewDue),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}
