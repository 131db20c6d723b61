import type { ReactNode } from "react";
import type { Resource } from "../api/useResource";
import { t } from "../i18n/catalogue";

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
          {t("common.loading2", { what })}
        </p>
      ) : null;
    case "unavailable":
      return (
        <div className="state state-unavailable" role="status">
          <strong>{t("common.notAvailable", { number: (what[0]?.toUpperCase() ?? "") + what.slice(1) })}</strong>{" "}{t("common.thisServerDoesNot")}
        </div>
      );
    case "error":
      return (
        <div className="state state-error" role="alert">
          {t("common.couldNotLoad", { what, error: resource.error })}
        </div>
      );
    case "ready":
      return empty ? <>{empty}</> : null;
  }
}
