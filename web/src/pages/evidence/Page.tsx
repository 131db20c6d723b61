/** /evidence: cases → a case's items and export → one item's content, custody and redaction. */
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../SimplePages";
import { CaseView } from "./CaseView";
import { CasesView } from "./CasesView";
import { ItemView } from "./ItemView";
import { PurposeProvider } from "./PurposeContext";
import "./evidence.css";

export default function EvidencePage() {
  return (
    <PurposeProvider>
      <Routes>
        <Route index element={<CasesView />} />
        <Route path="cases/:caseId" element={<CaseView />} />
        <Route path="cases/:caseId/items/:itemId" element={<ItemView />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </PurposeProvider>
  );
}
