import { useState } from "react";
import { Link, Navigate, useParams } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { useArrivalMessage } from "../../components/arrivalMessage";
import { FactList, type Fact } from "../../components/FactList";
import { StateMessage } from "../../components/StateMessage";
import { formatDate } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { CooccurrencesPanel } from "./CooccurrencesPanel";
import { LinksPanel } from "./LinksPanel";
import { editPersonPath, mergePersonPath, PERSONS_PATH } from "./paths";
import { PhotosPanel } from "./PhotosPanel";
import { RegistryPanel } from "./RegistryPanel";
import { RenewForm } from "./RenewForm";
import { RevealCnic } from "./RevealCnic";
import { ReviewDueMarker, StatusBadge } from "./StatusBadge";
import { PersonTimeline } from "./Timeline";
import { genderLabel, type Person } from "./types";
import { usePerson } from "./usePerson";
import { VehiclesPanel } from "./VehiclesPanel";

/** /persons/:personId: the record, its photos, vehicles, links, registry look-ups, who it was seen with, timeline and history. */
export function PersonDetail() {
  const personId = Number(useParams().personId);
  if (!Number.isInteger(personId)) return <Navigate to={PERSONS_PATH} replace />;
  return <PersonRecord personId={personId} />;
}

function PersonRecord({ personId }: { personId: number }) {
  const { resource, reload } = usePerson(personId);
  // Each change reloads the record and the timeline (which holds the change history).
  const [generation, setGeneration] = useState(0);
  const changed = () => {
    reload();
    setGeneration((g) => g + 1);
  };
  const arrived = useArrivalMessage();
  const person = resource.data;
  return (
    <section className="persons-detail">
      <p>
        <Link to={PERSONS_PATH}>{t("persons.detail.back")}</Link>
      </p>
      {arrived ? <p className="state state-ok" role="status">{arrived}</p> : null}
      <StateMessage resource={resource} what={t("persons.detail.what")} />
      {person ? (
        <>
          <PersonHeader person={person} />
          <RenewForm person={person} onRenewed={changed} />
          <div className="persons-columns">
            <PhotosPanel person={person} onChanged={changed} />
            <VehiclesPanel person={person} onChanged={changed} />
            <LinksPanel person={person} onChanged={changed} />
            <RegistryPanel person={person} />
          </div>
          <CooccurrencesPanel person={person} generation={generation} />
          <PersonTimeline person={person} generation={generation} />
        </>
      ) : null}
    </section>
  );
}

function PersonHeader({ person }: { person: Person }) {
  const { can } = useAuth();
  const facts: Fact[] = [
    [t("persons.field.cnic"), <RevealCnic person={person} />],
    [t("persons.field.aliases"), person.aliases.join(", ") || "—"],
    [t("persons.field.fatherName"), person.father_name || "—"],
    [t("persons.field.dateOfBirth"), person.date_of_birth ? formatDate(person.date_of_birth) : "—"],
    [t("persons.field.gender"), person.gender ? genderLabel(person.gender) : "—"],
    [t("persons.field.firs"), person.firs.map((fir) => t("persons.fir", { number: fir.number, station: fir.police_station })).join("; ") || "—"],
    [t("persons.field.legalBasis"), person.legal_basis],
    [t("persons.field.legalBasisExpires"), person.legal_basis_expires ? formatDate(person.legal_basis_expires) : "—"],
    [t("persons.field.reviewDate"), formatDate(person.review_date)],
    [t("persons.detail.watchlists"), person.on_watchlists ? t("persons.detail.onWatchlists") : t("persons.detail.offWatchlists")],
    [t("persons.field.notes"), person.notes || "—"],
  ];
  return (
    <header className="card persons-header" data-testid="person-header">
      <div className="persons-heading">
        <h2>{person.name}</h2>
        <StatusBadge status={person.status} /> <ReviewDueMarker person={person} />
        {can(Permission.PERSONS_MANAGE) ? (
          <Link className="btn" to={editPersonPath(person.id)}>
            {t("persons.detail.edit")}
          </Link>
        ) : null}
        {can(Permission.PERSONS_RENEW) ? (
          <Link className="btn" to={mergePersonPath(person.id)}>
            {t("persons.merge.link")}
          </Link>
        ) : null}
      </div>
      <FactList className="persons-facts" facts={facts} />
    </header>
  );
}
