import type { ReactNode } from "react";
import type { Resource } from "../api/useResource";

/** Loading / "not available on this server" / error messages, one look for every page. */
export function StateMessage<T>({
  resource,
  what,
  empty,
}: {
  resource: Resource<T>;
  what: string;
  empty?: ReactNode;
}) {
  switch (resource.status) {
    case "loading":
      return resource.data === null ? (
        <p className="state" role="status">
          Loading {what}…
        </p>
      ) : null;
    case "unavailable":
      return (
        <div className="state state-unavailable" role="status">
          <strong>{(what[0]?.toUpperCase() ?? "") + what.slice(1)} not available.</strong> This server does not
          offer it yet; this part of the console will work once it does.
        </div>
      );
    case "error":
      return (
        <div className="state state-error" role="alert">
          Could not load {what}: {resource.error}
        </div>
      );
    case "ready":
      return empty ? <>{empty}</> : null;
  }
}
