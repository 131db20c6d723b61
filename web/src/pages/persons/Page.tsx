import { Navigate, Route } from "react-router";
import { SectionRoutes } from "../../components/SectionRoutes";
import { t } from "../../i18n/catalogue";
import { MergePage } from "./MergePage";
import { PersonDetail } from "./PersonDetail";
import { EditPerson, NewPerson } from "./PersonEditors";
import { PersonsList } from "./PersonsList";
import { PersonsPurposeGate } from "./purpose";
import { PERSONS_PATH } from "./paths";
import "./persons.css";

/** /persons: the persons-of-interest register, for investigators; every read states a purpose. */
export default function PersonsPage() {
  return (
    <section className="persons">
      <h1>{t("persons.title")}</h1>
      <PersonsPurposeGate>
        <SectionRoutes otherwise={<Navigate to={PERSONS_PATH} replace />}>
          <Route index element={<PersonsList />} />
          <Route path="new" element={<NewPerson />} />
          <Route path=":personId" element={<PersonDetail />} />
          <Route path=":personId/edit" element={<EditPerson />} />
          <Route path=":personId/merge" element={<MergePage />} />
        </SectionRoutes>
      </PersonsPurposeGate>
    </section>
  );
}
