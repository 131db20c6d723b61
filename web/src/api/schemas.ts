/** Names for the generated API types (schema.d.ts, made by scripts/gen-api from the backend's OpenAPI document). */
import type { components, paths } from "./schema";

export type { paths };
/** Every response and request model of the API by its OpenAPI name, e.g. `Schemas["CameraOut"]`. */
export type Schemas = components["schemas"];

/** The query parameters of a route, e.g. `QueryOf<"/api/v1/plates/reads", "get">`. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
