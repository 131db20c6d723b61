/** The search pages' server shapes, from the generated contract (src/api/schemas.ts). */
import type { Schemas } from "../../api/schemas";

export type PlateRead = Schemas["PlateReadOut"];
export type PlateReadsResponse = Schemas["ReadsOut"];
/** One sighting of `/api/v1/plates/trajectory`. */
export type PlateSighting = Schemas["safecity__anpr__api__SightingOut"];
export type TrajectoryResponse = Schemas["TrajectoryOut"];
/** One sighting of `/api/v1/faces/forensic`. */
export type FaceSighting = Schemas["safecity__faces__api__SightingOut"];
export type ForensicResponse = Schemas["ForensicOut"];
export type StoredEvent = Schemas["StoredEventOut"];
export type EventsPage = Schemas["EventsPageOut"];
/** One match of `/api/v1/persons/search` (a person's track on another camera). */
export type PersonMatch = Schemas["PersonMatchOut"];
export type PersonSearchResponse = Schemas["PersonSearchOut"];
