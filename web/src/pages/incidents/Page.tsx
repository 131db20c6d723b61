import { Route, Routes } from "react-router";
import { SectionTabs } from "../../components/SectionTabs";
import { NotFoundPage } from "../SimplePages";
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
      <Routes>
        <Route index element={<IncidentsOverview />} />
        <Route path="board" element={<DispatchBoard />} />
        <Route path=":incidentId" element={<IncidentDetailView />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
