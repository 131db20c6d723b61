import { useEffect, useState } from "react";
import { useAuth } from "../auth/AuthContext";
import { readHealth } from "../api/health";
import { t } from "../i18n/catalogue";

/** A small always-visible "system ok / degraded / unreachable" indicator in the header. */
export function HealthPill({ everyMs = 30_000 }: { everyMs?: number }) {
  const { client } = useAuth();
  const [status, setStatus] = useState<"ok" | "degraded" | "unreachable" | "checking">("checking");

  useEffect(() => {
    let live = true;
    const check = () =>
      readHealth(client)
        .then((h) => live && setStatus(h.status))
        .catch(() => live && setStatus("unreachable"));
    void check();
    const timer = setInterval(check, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, everyMs]);

  const label = { ok: t("common.systemOk"), degraded: t("common.systemDegraded"), unreachable: t("common.serverUnreachable"), checking: t("common.checking") }[
    status
  ];
  return (
    <span className={`pill pill-${status}`} role="status" title={t("common.serverHealthApiHealth")}>
      <span className="dot" aria-hidden="true" />
      {label}
    </span>
  );
}
