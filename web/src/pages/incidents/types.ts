/**
 * The dispatch API's shapes, from the generated contract (src/api/schemas.ts). Where the API declares a
 * plain string whose values are one of the enums below, the console's name narrows it to that enum.
 */
import type { Schemas } from "../../api/schemas";

export type IncidentStatus = Schemas["IncidentStatus"];
export type UnitStatus = Schemas["UnitStatus"];
export type UnitType = Schemas["UnitType"];
export type LinkKind = Schemas["LinkCreate"]["kind"];
export type IncidentType = Schemas["IncidentType"];

export type Incident = Omit<Schemas["IncidentOut"], "status"> & { status: IncidentStatus };
export type IncidentLink = Omit<Schemas["LinkOut"], "kind"> & { kind: LinkKind };
export type LogEntry = Schemas["LogEntryOut"];
export type Unit = Omit<Schemas["UnitOut"], "status" | "type"> & { status: UnitStatus; type: UnitType };
export type Assignment = Schemas["AssignmentOut"];
export type Recommendation = Omit<Schemas["RecommendationOut"], "unit"> & { unit: Unit };
export type NearbyCamera = Schemas["safecity__dispatch__schemas__NearbyCameraOut"];

export type IncidentDetail = Omit<Schemas["IncidentDetail"], "incident" | "links"> & {
  incident: Incident;
  links: IncidentLink[];
};

export type Situation = Omit<Schemas["Situation"], "incident" | "recommended_units"> & {
  incident: Incident;
  recommended_units: Recommendation[];
};

export type IncidentCreate = Schemas["IncidentCreate"];
export type UnitCreate = Schemas["UnitCreate"];
