import { Route } from "react-router";
import { SectionRoutes } from "../../components/SectionRoutes";
import { SectionTabs } from "../../components/SectionTabs";
import { DispatchBoard } from "./DispatchBoard";
import { IncidentDetailView } from "./IncidentDetailView";
import { IncidentsOverview } from "./IncidentsOverview";
import "./incidents.css";
import { t } from "../../i18n/catalogue";

/** /incidents (list, map, create), /incidents/board (dispatch board), /incidents/<id> (one incident). */
export default function IncidentsPage() {
  return (
    <div className="incidents">
      <SectionTabs
        label={t("incidents.incidentsSections")}
        tabs={[
          { to: "/incidents", label: t("incidents.title"), end: true },
          { to: "/incidents/board", label: t("incidents.board") },
        ]}
      />
      <SectionRoutes>
        <Route index element={<IncidentsOverview />} />
        <Route path="board" element={<DispatchBoard />} />
        <Route path=":incidentId" element={<IncidentDetailView />} />
      </SectionRoutes>
    </div>
  );
}
