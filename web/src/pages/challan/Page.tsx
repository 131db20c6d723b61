import { NavLink, Route, Routes } from "react-router";
import { CameraNamesProvider } from "./cameraNames";
import "./challan.css";
import { BASE_PATH } from "./labels";
import { QueuePage } from "./queue/QueuePage";
import { RejectionStatsPanel } from "./stats/RejectionStatsPanel";
import { TicketsPage } from "./tickets/TicketsPage";
import { TicketView } from "./tickets/TicketView";
import { OffendersPanel } from "./offenders/OffendersPanel";

/** E-challan at /challan: the validation queue, tickets, rejection statistics and repeat offenders. */
export default function ChallanPage() {
  return (
    <CameraNamesProvider>
      <div className="challan">
        <div className="page-head">
          <h1>E-challan</h1>
          <nav aria-label="E-challan">
            <ul className="tabs">
              <li>
                <NavLink to={BASE_PATH} end>
                  Queue
                </NavLink>
              </li>
              <li>
                <NavLink to={`${BASE_PATH}/tickets`}>Tickets</NavLink>
              </li>
              <li>
                <NavLink to={`${BASE_PATH}/stats`}>Rejection statistics</NavLink>
              </li>
              <li>
                <NavLink to={`${BASE_PATH}/offenders`}>Repeat offenders</NavLink>
              </li>
            </ul>
          </nav>
        </div>
        <Routes>
          <Route path="tickets" element={<TicketsPage />} />
          <Route path="tickets/:number" element={<TicketView />} />
          <Route path="stats" element={<RejectionStatsPanel />} />
          <Route path="offenders" element={<OffendersPanel />} />
          {/* One route for the queue and its open violation, so the queue stays mounted while moving on. */}
          <Route path="*" element={<QueuePage />} />
        </Routes>
      </div>
    </CameraNamesProvider>
  );
}
