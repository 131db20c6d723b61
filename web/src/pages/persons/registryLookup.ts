/** A national-registry lookup's outcome in words: the record's facts, "not found", or "registry unavailable". */
import { ApiError } from "../../api/client";
import { describeError } from "../../api/errors";
import type { Schemas } from "../../api/schemas";
import { t } from "../../i18n/catalogue";

export type LookupOutcome =
  | { state: "found"; facts: [string, string][] }
  | { state: "not_found"; text: string }
  | { state: "unavailable"; text: string }
  | { state: "failed"; text: string };

/** 503 (down, circuit open, not configured) and 502 (unreadable answer): the registry cannot answer now. */
export function lookupFailure(caught: unknown): LookupOutcome {
  if (caught instanceof ApiError && (caught.status === 503 || caught.status === 502))
    return { state: "unavailable", text: t("persons.registry.unavailable") };
  if (caught instanceof ApiError && caught.status === 404) return { state: "not_found", text: t("persons.registry.notFound") };
  return { state: "failed", text: describeError(caught) };
}

const present = (facts: [string, string | null | undefined][]): [string, string][] =>
  facts.filter((fact): fact is [string, string] => typeof fact[1] === "string" && fact[1] !== "");

export function identityFacts(record: Schemas["IdentityRecord"]): [string, string][] {
  return present([
    [t("persons.registry.name"), record.name],
    [t("persons.registry.fatherName"), record.father_name],
    [t("persons.registry.dateOfBirth"), record.date_of_birth],
    [t("persons.registry.address"), record.address],
  ]);
}

export function vehicleFacts(record: Schemas["VehicleRecord"]): [string, string][] {
  return present([
    [t("persons.registry.plate"), record.plate],
    [t("persons.registry.owner"), record.owner_name],
    [t("persons.registry.vehicle"), [record.make, record.model, record.colour].filter(Boolean).join(" ")],
    [t("persons.registry.class"), record.vehicle_class],
    [t("persons.registry.status"), record.status],
  ]);
}
