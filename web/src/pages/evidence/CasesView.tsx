import { useState } from "react";
import { Link } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { RecordTable, type Column } from "../../components/RecordTable";
import { StateMessage } from "../../components/StateMessage";
import { CaseStatusBadge } from "./CaseStatusBadge";
import { CreateCaseForm } from "./CreateCaseForm";
import { formatTime } from "./format";
import type { CaseStatus, EvidenceCase } from "./types";
import { t } from "../../i18n/catalogue";

/** The table's columns, headed in the current language. */
const caseColumns = (): readonly Column<EvidenceCase>[] => [
  { header: t("evidence.caseReference"), rowHeader: true, cell: (c) => <Link to={`/evidence/cases/${c.id}`}>{c.reference}</Link> },
  { header: t("evidence.title"), cell: (c) => c.title },
  { header: t("evidence.status"), cell: (c) => <CaseStatusBadge status={c.status} /> },
  { header: t("evidence.incident"), cell: (c) => c.incident_ref || "—" },
  { header: t("evidence.openedBy"), cell: (c) => c.created_by },
  { header: t("evidence.opened"), cell: (c) => formatTime(c.created_at) },
];

export function CasesView() {
  const { client, can } = useAuth();
  const { resource, reload } = useResource(
    (signal) => client.GET("/api/v1/evidence/cases", { signal }),
    [client],
  );
  const [statusFilter, setStatusFilter] = useState<CaseStatus | "">("");
  const cases = (resource.data ?? []).filter((c) => !statusFilter || c.status === statusFilter);

  return (
    <section>
      <div className="page-head">
        <h1>{t("evidence.evidence")}</h1>
        <FormField id="case-status-filter" label={t("evidence.show")} className="field-inline">
          {(control) => (
            <ChoiceSelect<CaseStatus | "">
              {...control}
              none={t("evidence.allCases2")}
              values={["open", "closed"]}
              label={(status) => (status === "open" ? t("evidence.openCases") : t("evidence.closedCases"))}
              value={statusFilter}
              onChange={setStatusFilter}
            />
          )}
        </FormField>
      </div>
      {can(Permission.EVIDENCE_MANAGE) ? <CreateCaseForm onCreated={reload} /> : null}
      <h2>{t("evidence.cases")}</h2>
      <StateMessage
        resource={resource}
        what="cases"
        empty={cases.length === 0 ? <p className="state">No cases{statusFilter ? ` ${statusFilter}` : ""} yet.</p> : null}
      />
      {cases.length > 0 ? (
        <RecordTable rows={cases} rowKey={(c) => c.id} columns={caseColumns()} testId="cases-table" />
      ) : null}
    </section>
  );
}
