import { useState } from "react";
import { Link } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { useArrivalMessage } from "../../../components/arrivalMessage";
import { orDash, RecordTable, type Column } from "../../../components/RecordTable";
import { StateMessage } from "../../../components/StateMessage";
import { StatusLine, type Status } from "../shared/StatusLine";
import { hotlistPath } from "../paths";
import { hotlistKindLabel, type Hotlist } from "../types";
import { HotlistForm } from "./HotlistForm";

/** All vehicle hotlists, and a form to create one. */
export function HotlistsView() {
  const { client } = useAuth();
  const { resource, reload } = useResource(
    (signal) => client.GET("/api/v1/hotlists", { signal }),
    [client],
  );
  const arrived = useArrivalMessage();
  const [status, setStatus] = useState<Status | null>(() => (arrived ? { kind: "ok", text: arrived } : null));

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

const HOTLIST_COLUMNS: readonly Column<Hotlist>[] = [
  { header: "Name", rowHeader: true, cell: (hotlist) => <Link to={hotlistPath(hotlist.id)}>{hotlist.name}</Link> },
  { header: "Kind", cell: (hotlist) => hotlistKindLabel(hotlist.kind) },
  { header: "Description", cell: (hotlist) => orDash(hotlist.description) },
  { header: "Match tolerance", cell: (hotlist) => toleranceText(hotlist.edit_budget) },
  { header: "Status", cell: (hotlist) => (hotlist.active ? "Active" : "Inactive (not matched)") },
  { header: "Plates", cell: (hotlist) => hotlist.entries },
  { header: "Created by", cell: (hotlist) => hotlist.created_by },
];

function HotlistsTable({ hotlists }: { hotlists: readonly Hotlist[] }) {
  return (
    <RecordTable
      rows={hotlists}
      rowKey={(hotlist) => hotlist.id}
      columns={HOTLIST_COLUMNS}
      rowClassName={(hotlist) => (hotlist.active ? undefined : "row-disabled")}
      caption="Vehicle hotlists"
      testId="hotlists-table"
    />
  );
}

export function toleranceText(budget: number): string {
  return budget === 0 ? "Exact plates only" : `Up to ${budget} OCR ${budget === 1 ? "edit" : "edits"}`;
}
