/** /admin/retention: the policies in force, a dry run of the sweep, and legal holds (place, release). */
import { useCallback, useState } from "react";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { CreateHoldForm } from "./CreateHoldForm";
import { HoldsSection } from "./HoldsSection";
import { ReportSection } from "./ReportSection";
import type { LegalHold, RetentionReport } from "./types";
import "./retention.css";
import { t } from "../../i18n/catalogue";

export default function RetentionPage() {
  const { client, can } = useAuth();
  const canReadEvidence = can(Permission.EVIDENCE_READ);
  const canManageHolds = can(Permission.EVIDENCE_MANAGE);
  const [includeReleased, setIncludeReleased] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const report = useResource(
    (signal) => client.GET("/api/v1/retention/report", { signal }) as Promise<unknown> as Promise<RetentionReport>,
    [client],
  );
  const holds = useResource(
    (signal) =>
      canReadEvidence
        ? (client.GET("/api/v1/holds", { params: { query: { include_released: includeReleased } }, signal }) as Promise<
            LegalHold[]
          >)
        : Promise.resolve([]),
    [client, canReadEvidence, includeReleased],
  );
  const cases = useResource(
    (signal) =>
      canReadEvidence ? client.GET("/api/v1/evidence/cases", { signal }) : Promise.resolve([]),
    [client, canReadEvidence],
  );
  const caseList = cases.resource.data;
  const caseReference = useCallback(
    (id: number) => caseList?.find((c) => c.id === id)?.reference,
    [caseList],
  );
  const openCases = (caseList ?? []).filter((c) => c.status === "open").length;

  const refresh = () => {
    holds.reload();
    report.reload();
  };

  return (
    <section>
      <h1>{t("retention.retention")}</h1>
      <div aria-live="polite">
        {message ? (
          <p className="state state-ok" data-testid="retention-message">
            {message}
          </p>
        ) : null}
      </div>
      <ReportSection resource={report.resource} onRefresh={report.reload} />
      {canReadEvidence ? (
        <>
          <p className="muted" data-testid="never-deleted">
            {t("retention.neverDeleted", { count: openCases })}
          </p>
          <HoldsSection
            resource={holds.resource}
            includeReleased={includeReleased}
            onIncludeReleased={setIncludeReleased}
            caseReference={caseReference}
            canRelease={canManageHolds}
            onReleased={(hold) => {
              setMessage(t("retention.releasedHold", { id: hold.id }));
              refresh();
            }}
          />
          {canManageHolds ? (
            <CreateHoldForm cases={caseList} onPlaced={refresh} />
          ) : null}
        </>
      ) : (
        <p className="state">{t("retention.yourRoleCannotRead")}</p>
      )}
    </section>
  );
}
