import { Route } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { SectionHead } from "../../components/SectionHead";
import { SectionRoutes } from "../../components/SectionRoutes";
import "./alerts.css";
import { AlertQueuePage } from "./AlertQueuePage";
import { FaceCandidatesPage } from "./FaceCandidatesPage";
import { t } from "../../i18n/catalogue";

/** /alerts: the live alert queue (/alerts, /alerts/<id>) and face candidate review (/alerts/faces). */
export default function AlertsPage() {
  const { can } = useAuth();
  const mayConfirmFaces = can(Permission.FACES_CONFIRM);
  return (
    <div className="alerts-page">
      <SectionHead
        title={t("alerts.title")}
        label={t("alerts.alertsSections")}
        tabs={[
          { to: "/alerts", label: t("alerts.queue"), end: true },
          ...(mayConfirmFaces ? [{ to: "/alerts/faces", label: t("alerts.faceCandidates") }] : []),
        ]}
      />
      <SectionRoutes>
        <Route index element={<AlertQueuePage />} />
        <Route
          path="faces"
          element={mayConfirmFaces ? <FaceCandidatesPage /> : <p className="state">Your role may not review face candidates.</p>}
        />
        <Route path=":alertId" element={<AlertQueuePage />} />
      </SectionRoutes>
    </div>
  );
}
