import { NavLink, Route, Routes } from "react-router";
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
      <nav aria-label={t("incidents.incidentsSections")}>
        <ul className="tabs">
          <li>
            <NavLink to="/incidents" end>
              {t("incidents.title")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/incidents/board">{t("incidents.board")}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<IncidentsOverview />} />
        <Route path="board" element={<DispatchBoard />} />
        <Route path=":incidentId" element={<IncidentDetailView />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
