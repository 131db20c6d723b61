import { useNavigate, useParams } from "react-router";
import { useNavigateWithMessage } from "../../components/arrivalMessage";
import { StateMessage } from "../../components/StateMessage";
import { t } from "../../i18n/catalogue";
import { personPath, PERSONS_PATH } from "./paths";
import { PersonForm } from "./PersonForm";
import { usePerson } from "./usePerson";

/** /persons/new: the form; a created record opens, where photos and vehicles are added. */
export function NewPerson() {
  const arrive = useNavigateWithMessage();
  const navigate = useNavigate();
  return (
    <>
      <PersonForm person={null} onSaved={(saved) => arrive(personPath(saved.id), t("persons.form.created", { name: saved.name }))} />
      <button type="button" className="btn btn-quiet" onClick={() => void navigate(PERSONS_PATH)}>
        {t("persons.cancel")}
      </button>
    </>
  );
}

/** /persons/:personId/edit: the record's form; saving (with the reason) goes back to the record. */
export function EditPerson() {
  const personId = Number(useParams().personId);
  const { resource } = usePerson(personId);
  const arrive = useNavigateWithMessage();
  const navigate = useNavigate();
  return (
    <>
      <StateMessage resource={resource} what={t("persons.detail.what")} />
      {resource.data ? (
        <PersonForm person={resource.data} onSaved={(saved) => arrive(personPath(saved.id), t("persons.form.saved", { name: saved.name }))} />
      ) : null}
      <button type="button" className="btn btn-quiet" onClick={() => void navigate(personPath(personId))}>
        {t("persons.cancel")}
      </button>
    </>
  );
}
