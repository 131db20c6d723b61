import { Navigate, Route } from "react-router";
import { SectionRoutes } from "../../components/SectionRoutes";
import { SectionTabs } from "../../components/SectionTabs";
import { HOTLISTS_PATH, SUBJECTS_PATH } from "./paths";
import { SubjectDetail } from "./persons/SubjectDetail";
import { SubjectsView } from "./persons/SubjectsView";
import { HotlistDetail } from "./vehicles/HotlistDetail";
import { HotlistsView } from "./vehicles/HotlistsView";
import "./watchlists.css";
import { t } from "../../i18n/catalogue";

/** /admin/watchlists: vehicle hotlists and the person (face) watchlist, one sub-route each. */
export default function WatchlistsPage() {
  return (
    <section className="watchlists">
      <h1>{t("watchlists.watchlists")}</h1>
      <SectionTabs
        label={t("watchlists.watchlistType")}
        tabs={[
          { to: HOTLISTS_PATH, label: t("watchlists.vehicleHotlists") },
          { to: SUBJECTS_PATH, label: t("watchlists.personWatchlist") },
        ]}
      />
      <SectionRoutes otherwise={<Navigate to={HOTLISTS_PATH} replace />}>
        <Route index element={<Navigate to={HOTLISTS_PATH} replace />} />
        <Route path="vehicles" element={<HotlistsView />} />
        <Route path="vehicles/:hotlistId" element={<HotlistDetail />} />
        <Route path="persons" element={<SubjectsView />} />
        <Route path="persons/:subjectId" element={<SubjectDetail />} />
      </SectionRoutes>
    </section>
  );
}
