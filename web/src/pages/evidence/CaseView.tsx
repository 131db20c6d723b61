import { useState } from "react";
import { Link, useParams } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { AddItemForm } from "./AddItemForm";
import { CaseDetailsEditor } from "./CaseDetailsEditor";
import { CaseStatusControl } from "./CaseStatusControl";
import { CaseStatusBadge } from "./CaseStatusBadge";
import { ExportPanel } from "./ExportPanel";
import { formatTime } from "./format";
import { ItemsTable } from "./ItemsTable";
import { PurposeBanner } from "./PurposeContext";
import { useCaseItems } from "./resources";
import type { EvidenceCase } from "./types";
import { t } from "../../i18n/catalogue";

export function CaseView() {
  const { client, can } = useAuth();
  const caseId = Number(useParams().caseId);
  const caseResource = useResource(
    (signal) => client.GET("/api/v1/evidence/cases/{case_id}", { params: { path: { case_id: caseId } }, signal }),
    [client, caseId],
  );
  const itemsResource = useCaseItems(caseId);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const theCase = caseResource.resource.data;
  const items = itemsResource.resource.data ?? [];
  const canExport = can(Permission.EVIDENCE_EXPORT);

  return (
    <section>
      <p>
        <Link to="/evidence">{t("evidence.allCases")}</Link>
      </p>
      {theCase ? (
        <>
          <div className="page-head">
            <h1>
              {t("evidence.case", { reference: theCase.reference, title: theCase.title })}
            </h1>
            <CaseStatusBadge status={theCase.status} />
          </div>
          <CaseSummary theCase={theCase} />
          {can(Permission.EVIDENCE_MANAGE) ? (
            <>
              <CaseStatusControl theCase={theCase} onChanged={(updated) => caseResource.setResource({ status: "ready", data: updated })} />
              <CaseDetailsEditor theCase={theCase} onChanged={(updated) => caseResource.setResource({ status: "ready", data: updated })} />
            </>
          ) : null}
        </>
      ) : (
        <h1>{t("evidence.case2")}</h1>
      )}
      <StateMessage resource={caseResource.resource} what={t("evidence.theCase")} />
      <PurposeBanner />
      <h2>{t("evidence.items")}</h2>
      <StateMessage
        resource={itemsResource.resource}
        what="items"
        empty={items.length === 0 ? <p className="state">No items collected in this case yet.</p> : null}
      />
      {items.length > 0 ? (
        <ItemsTable
          caseId={caseId}
          items={items}
          selection={canExport ? { selected, onChange: setSelected } : null}
        />
      ) : null}
      {canExport && items.length > 0 ? <ExportPanel items={items} selected={selected} /> : null}
      {can(Permission.EVIDENCE_MANAGE) && theCase ? (
        <AddItemForm caseId={caseId} onAdded={itemsResource.reload} />
      ) : null}
    </section>
  );
}

function CaseSummary({ theCase }: { theCase: EvidenceCase }) {
  return (
    <dl className="evidence-facts" data-testid="case-facts">
      <dt>{t("evidence.incident")}</dt>
      <dd>{theCase.incident_ref || "—"}</dd>
      <dt>{t("evidence.opened")}</dt>
      <dd>
        {t("evidence.by", { time: formatTime(theCase.created_at), created_by: theCase.created_by })}
      </dd>
      {theCase.closed_at ? (
        <>
          <dt>{t("evidence.closed")}</dt>
          <dd>{formatTime(theCase.closed_at)}</dd>
        </>
      ) : null}
      <dt>{t("evidence.description")}</dt>
      <dd>{theCase.description || "—"}</dd>
    </dl>
  );
}
