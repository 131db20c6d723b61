import { Route } from "react-router";
import { SectionHead } from "../../components/SectionHead";
import { SectionRoutes } from "../../components/SectionRoutes";
import { CameraNamesProvider } from "./cameraNames";
import "./challan.css";
import { BASE_PATH } from "./labels";
import { QueuePage } from "./queue/QueuePage";
import { RejectionStatsPanel } from "./stats/RejectionStatsPanel";
import { TicketsPage } from "./tickets/TicketsPage";
import { TicketView } from "./tickets/TicketView";
import { OffendersPanel } from "./offenders/OffendersPanel";
import { t } from "../../i18n/catalogue";

/** E-challan at /challan: the validation queue, tickets, rejection statistics and repeat offenders. */
export default function ChallanPage() {
  return (
    <CameraNamesProvider>
      <div className="challan">
        <SectionHead
          title={t("challan.eChallan")}
          label={t("challan.eChallan")}
          tabs={[
            { to: BASE_PATH, label: t("challan.queue"), end: true },
            { to: `${BASE_PATH}/tickets`, label: t("challan.tickets") },
            { to: `${BASE_PATH}/stats`, label: t("challan.rejectionStatistics") },
            { to: `${BASE_PATH}/offenders`, label: t("challan.repeatOffenders") },
          ]}
        />
        {/* The queue at the root and at any other sub-path (its open violation), so it stays mounted while moving on. */}
        <SectionRoutes otherwise={<QueuePage />}>
          <Route path="tickets" element={<TicketsPage />} />
          <Route path="tickets/:number" element={<TicketView />} />
          <Route path="stats" element={<RejectionStatsPanel />} />
          <Route path="offenders" element={<OffendersPanel />} />
        </SectionRoutes>
      </div>
    </CameraNamesProvider>
  );
}
