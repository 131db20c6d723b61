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
import { t } from "../../../i18n/catalogue";

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
      <h2 id="hotlists-title">{t("watchlists.vehicles.vehicleHotlists")}</h2>
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
          setStatus({ kind: "ok", text: t("watchlists.vehicles.createdHotlist", { name: created.name }) });
          reload();
        }}
      />
    </section>
  );
}

/** The table's columns, headed in the current language. */
const hotlistColumns = (): readonly Column<Hotlist>[] => [
  { header: t("watchlists.vehicles.name"), rowHeader: true, cell: (hotlist) => <Link to={hotlistPath(hotlist.id)}>{hotlist.name}</Link> },
  { header: t("watchlists.vehicles.kind"), cell: (hotlist) => hotlistKindLabel(hotlist.kind) },
  { header: t("watchlists.vehicles.description"), cell: (hotlist) => orDash(hotlist.description) },
  { header: t("watchlists.vehicles.matchTolerance"), cell: (hotlist) => toleranceText(hotlist.edit_budget) },
  { header: t("watchlists.vehicles.status"), cell: (hotlist) => (hotlist.active ? t("watchlists.vehicles.active") : t("watchlists.vehicles.inactiveNotMatched")) },
  { header: t("watchlists.vehicles.plates"), cell: (hotlist) => hotlist.entries },
  { header: t("watchlists.vehicles.createdBy2"), cell: (hotlist) => hotlist.created_by },
];

function HotlistsTable({ hotlists }: { hotlists: readonly Hotlist[] }) {
  return (
    <RecordTable
      rows={hotlists}
      rowKey={(hotlist) => hotlist.id}
      columns={hotlistColumns()}
      rowClassName={(hotlist) => (hotlist.active ? undefined : "row-disabled")}
      caption={t("watchlists.vehicles.vehicleHotlists")}
      testId="hotlists-table"
    />
  );
}

export function toleranceText(budget: number): string {
  return budget === 0 ? t("watchlists.vehicles.exactPlatesOnly") : t("watchlists.vehicles.ocrEdits", { count: budget });
}
