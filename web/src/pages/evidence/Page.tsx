/** /evidence: cases → a case's items and export → one item's content, custody and redaction. */
import { Route } from "react-router";
import { SectionRoutes } from "../../components/SectionRoutes";
import { CaseView } from "./CaseView";
import { CasesView } from "./CasesView";
import { ItemView } from "./ItemView";
import { PurposeProvider } from "./PurposeContext";
import "./evidence.css";

export default function EvidencePage() {
  return (
    <PurposeProvider>
      <SectionRoutes>
        <Route index element={<CasesView />} />
        <Route path="cases/:caseId" element={<CaseView />} />
        <Route path="cases/:caseId/items/:itemId" element={<ItemView />} />
      </SectionRoutes>
    </PurposeProvider>
  );
}
