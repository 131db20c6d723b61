import type { Query } from "../../api/client";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";

/** GET `path` with `query`, reloaded whenever the query changes. */
export function useDashboardResource<T>(path: string, query: Query) {
  const { client } = useAuth();
  const key = JSON.stringify(query);
  return useResource<T>((signal) => client.get<T>(path, { query, signal }), [client, path, key]).resource;
}
