import type { DataOf, PathOf } from "../../api/client";
import type { QueryOf } from "../../api/schemas";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";

/** GET `path` with `query`, reloaded whenever the query changes. */
export function useDashboardResource<P extends PathOf<"get">>(path: P, query: QueryOf<P, "get">) {
  const { client } = useAuth();
  const key = JSON.stringify(query);
  return useResource<DataOf<"get", P>>(
    // A generic path cannot be checked against each route's init; callers' paths and queries are.
    (signal) => client.GET(path, { params: { query }, signal } as never),
    [client, path, key],
  ).resource;
}
