import { useState } from "react";
import { Link, useLocation } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { StateMessage } from "../../../components/StateMessage";
import { StatusLine, type Status } from "../shared/StatusLine";
import { arrivalMessage, hotlistPath } from "../paths";
import { HOTLIST_KIND_LABELS, type Hotlist } from "../types";
import { HotlistForm } from "./HotlistForm";

/** All vehicle hotlists, and a form to create one. */
export function HotlistsView() {
  const { client } = useAuth();
  const location = useLocation();
  const { resource, reload } = useResource(
    (signal) => client.get<Hotlist[]>("/api/v1/hotlists", { signal }),
    [client],
  );
  const [status, setStatus] = useState<Status | null>(() => {
    const message = arrivalMessage(location.state);
    return message ? { kind: "ok", text: message } : null;
  });

  return (
    <section aria-labelledby="hotlists-title">
      <h2 id="hotlists-title">Vehicle hotlists</h2>
      <StatusLine status={status} testId="hotlists-status" />
      <StateMessage
        resource={resource}
        what="hotlists"
        empty={resource.data?.length === 0 ? <p className="state">No hotlists yet: create the first below.</p> : null}
      />
      {resource.data && resource.data.length > 0 ? <HotlistsTable hotlists={resource.data} /> : null}
      <HotlistForm
        hotlist={null}
        onSaved={(created) => {
          setStatus({ kind: "ok", text: `Created hotlist ${created.name}.` });
          reload();
        }}
      />
    </section>
  );
}

function HotlistsTable({ hotlists }: { hotlists: readonly Hotlist[] }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="hotlists-table">
        <caption className="visually-hidden">Vehicle hotlists</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Description</th>
            <th scope="col">Match tolerance</th>
            <th scope="col">Status</th>
            <th scope="col">Plates</th>
            <th scope="col">Created by</th>
          </tr>
        </thead>
        <tbody>
          {hotlists.map((hotlist) => (
            <tr key={hotlist.id} className={hotlist.active ? undefined : "row-disabled"}>
              <th scope="row">
                <Link to={hotlistPath(hotlist.id)}>{hotlist.name}</Link>
              </th>
              <td>{HOTLIST_KIND_LABELS[hotlist.kind] ?? hotlist.kind}</td>
              <td>{hotlist.description || <span className="muted">—</span>}</td>
              <td>{toleranceText(hotlist.edit_budget)}</td>
              <td>{hotlist.active ? "Active" : "Inactive (not matched)"}</td>
              <td>{hotlist.entries}</td>
              <td>{hotlist.created_by}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function toleranceText(budget: number): string {
  return budget === 0 ? "Exact plates only" : `Up to ${budget} OCR ${budget === 1 ? "edit" : "edits"}`;
}
