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
        <Link to="/evidence">← All cases</Link>
      </p>
      {theCase ? (
        <>
          <div className="page-head">
            <h1>
              Case {theCase.reference}: {theCase.title}
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
        <h1>Case</h1>
      )}
      <StateMessage resource={caseResource.resource} what="the case" />
      <PurposeBanner />
      <h2>Items</h2>
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
      <dt>Incident</dt>
      <dd>{theCase.incident_ref || "—"}</dd>
      <dt>Opened</dt>
      <dd>
        {formatTime(theCase.created_at)} by {theCase.created_by}
      </dd>
      {theCase.closed_at ? (
        <>
          <dt>Closed</dt>
          <dd>{formatTime(theCase.closed_at)}</dd>
        </>
      ) : null}
      <dt>Description</dt>
      <dd>{theCase.description || "—"}</dd>
    </dl>
  );
}
