import { Link } from "react-router";
import { orDash, type Column } from "../../../components/RecordTable";
import { ListView } from "../shared/ListView";
import { hotlistPath } from "../paths";
import { hotlistKindLabel, type Hotlist } from "../types";
import { HotlistForm } from "./HotlistForm";
import { t } from "../../../i18n/catalogue";

/** All vehicle hotlists, and a form to create one. */
export function HotlistsView() {
  return (
    <ListView
      name="hotlists"
      title={t("watchlists.vehicles.vehicleHotlists")}
      what="hotlists"
      empty="No hotlists yet: create the first below."
      load={(client, signal) => client.GET("/api/v1/hotlists", { signal })}
      columns={hotlistColumns}
      disabled={(hotlist) => !hotlist.active}
      caption={t("watchlists.vehicles.vehicleHotlists")}
      form={(saved) => (
        <HotlistForm hotlist={null} onSaved={(created) => saved(t("watchlists.vehicles.createdHotlist", { name: created.name }))} />
      )}
    />
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

export function toleranceText(budget: number): string {
  return budget === 0 ? t("watchlists.vehicles.exactPlatesOnly") : t("watchlists.vehicles.ocrEdits", { count: budget });
}
