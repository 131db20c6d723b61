import { useState } from "react";
import { Link } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { CaseStatusBadge } from "./CaseStatusBadge";
import { CreateCaseForm } from "./CreateCaseForm";
import { formatTime } from "./format";
import type { CaseStatus, EvidenceCase } from "./types";

export function CasesView() {
  const { client, can } = useAuth();
  const { resource, reload } = useResource(
    (signal) => client.get<EvidenceCase[]>("/api/v1/evidence/cases", { signal }),
    [client],
  );
  const [statusFilter, setStatusFilter] = useState<CaseStatus | "">("");
  const cases = (resource.data ?? []).filter((c) => !statusFilter || c.status === statusFilter);

  return (
    <section>
      <div className="page-head">
        <h1>Evidence</h1>
        <div className="field field-inline">
          <label htmlFor="case-status-filter">Show</label>
          <select
            id="case-status-filter"
            value={statusFilter}
            onChange={(e) => setStatusFilter(e.target.value as CaseStatus | "")}
          >
            <option value="">All cases</option>
            <option value="open">Open cases</option>
            <option value="closed">Closed cases</option>
          </select>
        </div>
      </div>
      {can(Permission.EVIDENCE_MANAGE) ? <CreateCaseForm onCreated={reload} /> : null}
      <h2>Cases</h2>
      <StateMessage
        resource={resource}
        what="cases"
        empty={cases.length === 0 ? <p className="state">No cases{statusFilter ? ` ${statusFilter}` : ""} yet.</p> : null}
      />
      {cases.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="cases-table">
            <thead>
              <tr>
                <th scope="col">Case reference</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Incident</th>
                <th scope="col">Opened by</th>
                <th scope="col">Opened</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/evidence/cases/${c.id}`}>{c.reference}</Link>
                  </th>
                  <td>{c.title}</td>
                  <td>
                    <CaseStatusBadge status={c.status} />
                  </td>
                  <td>{c.incident_ref || "—"}</td>
                  <td>{c.created_by}</td>
                  <td>{formatTime(c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
