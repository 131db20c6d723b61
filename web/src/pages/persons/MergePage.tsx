import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { fieldErrors } from "../../api/client";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { useNavigateWithMessage } from "../../components/arrivalMessage";
import { FormField } from "../../components/FormField";
import { StateMessage } from "../../components/StateMessage";
import { SubmitActions } from "../../components/SubmitActions";
import { TableHead } from "../../components/TableHead";
import { formatDate } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { MIN_REASON_LENGTH } from "./personDraft";
import { personPath } from "./paths";
import { usePurposeQuery } from "./purpose";
import { StatusBadge } from "./StatusBadge";
import { duplicateReasonLabel, type Person } from "./types";
import { usePerson } from "./usePerson";

/**
 * /persons/:personId/merge: pick a duplicate of this record (the server's candidates: same CNIC, or same
 * name, father's name and date of birth), see both side by side, and merge it into this one with a reason.
 */
export function MergePage() {
  const personId = Number(useParams().personId);
  const { client } = useAuth();
  const purpose = usePurposeQuery();
  const { resource: survivor } = usePerson(personId);
  const { resource: duplicates } = useResource(
    (signal) =>
      client.GET("/api/v1/persons/{person_id}/duplicates", { params: { path: { person_id: personId }, query: purpose }, signal }),
    [client, personId, purpose.purpose, purpose.case_ref],
  );
  const [otherId, setOtherId] = useState<number | null>(null);
  const { resource: other } = useResource(
    (signal) =>
      otherId === null
        ? Promise.resolve(null)
        : client.GET("/api/v1/persons/{person_id}", { params: { path: { person_id: otherId }, query: purpose }, signal }),
    [client, otherId, purpose.purpose, purpose.case_ref],
  );
  const candidates = duplicates.data?.candidates ?? [];
  const id = useId();

  return (
    <section aria-labelledby={`${id}-title`}>
      <p>
        <Link to={personPath(personId)}>{t("persons.merge.back")}</Link>
      </p>
      <h2 id={`${id}-title`}>{t("persons.merge.title")}</h2>
      <StateMessage resource={survivor} what={t("persons.detail.what")} />
      <StateMessage
        resource={duplicates}
        what={t("persons.merge.candidatesWhat")}
        empty={duplicates.data && candidates.length === 0 ? <p className="state">{t("persons.merge.none")}</p> : null}
      />
      {candidates.length > 0 ? (
        <fieldset className="card">
          <legend>{t("persons.merge.pick")}</legend>
          {candidates.map((candidate) => (
            <label key={candidate.person_id} className="persons-candidate">
              <input type="radio" name={`${id}-other`} checked={otherId === candidate.person_id} onChange={() => setOtherId(candidate.person_id)} />
              {t("persons.merge.candidate", { name: candidate.name, id: candidate.person_id, father: candidate.father_name || "—" })}{" "}
              <StatusBadge status={candidate.status} />{" "}
              <span className="muted">{candidate.reasons.map(duplicateReasonLabel).join("; ")}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {survivor.data && other.data ? (
        <>
          <SideBySide survivor={survivor.data} other={other.data} />
          <MergeForm survivor={survivor.data} other={other.data} />
        </>
      ) : null}
    </section>
  );
}

function facts(person: Person): [string, ReactNode][] {
  return [
    [t("persons.field.status"), <StatusBadge status={person.status} />],
    [t("persons.field.aliases"), person.aliases.join(", ") || "—"],
    [t("persons.field.fatherName"), person.father_name || "—"],
    [t("persons.field.dateOfBirth"), person.date_of_birth ? formatDate(person.date_of_birth) : "—"],
    [t("persons.field.cnic"), person.cnic_masked ?? "—"],
    [t("persons.field.firs"), person.firs.map((fir) => t("persons.fir", { number: fir.number, station: fir.police_station })).join("; ") || "—"],
    [t("persons.field.legalBasis"), person.legal_basis],
    [t("persons.field.reviewDate"), formatDate(person.review_date)],
    [t("persons.field.vehicles"), person.vehicles.map((vehicle) => vehicle.plate).join(", ") || "—"],
    [t("persons.photos.title"), String(person.photos.length)],
  ];
}

function SideBySide({ survivor, other }: { survivor: Person; other: Person }) {
  const left = facts(survivor);
  const right = facts(other);
  return (
    <div className="table-scroll">
      <table className="table" data-testid="merge-comparison">
        <caption className="visually-hidden">{t("persons.merge.comparison")}</caption>
        <TableHead
          columns={[
            t("persons.merge.field"),
            t("persons.merge.keeps", { name: survivor.name, id: survivor.id }),
            t("persons.merge.mergedIn", { name: other.name, id: other.id }),
          ]}
        />
        <tbody>
          {left.map(([label, value], index) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
              <td>{right[index]?.[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MergeForm({ survivor, other }: { survivor: Person; other: Person }) {
  const { client } = useAuth();
  const arrive = useNavigateWithMessage();
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState<string | null>(null);
  const merge = useMutation(
    () =>
      client.POST("/api/v1/persons/{person_id}/merge", {
        params: { path: { person_id: survivor.id } },
        body: { other_id: other.id, reason: reason.trim() },
      }),
    { onSuccess: () => arrive(personPath(survivor.id), t("persons.merge.done", { other: other.name, name: survivor.name })) },
  );
  const errors = fieldErrors(merge.failure, ["reason", "other_id"]);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const short = reason.trim().length < MIN_REASON_LENGTH;
    setChecked(short ? t("persons.error.reason", { min: MIN_REASON_LENGTH }) : null);
    merge.reset();
    if (!short) void merge.run();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t("persons.merge.confirm")}>
      <p>{t("persons.merge.explain", { other: other.name, otherId: other.id, name: survivor.name, id: survivor.id })}</p>
      <FormField id={`${id}-reason`} label={t("persons.merge.reason")} error={errors.reason ?? checked}>
        {(control) => <input {...control} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <SubmitActions
        label={t("persons.merge.submit", { other: other.name, name: survivor.name })}
        busyLabel={t("persons.merge.busy")}
        busy={merge.busy}
        error={Object.keys(errors).length > 0 ? (errors.other_id ?? errors.form ?? null) : merge.error}
      />
    </form>
  );
}
