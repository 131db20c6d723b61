import { useId, useState, type FormEvent } from "react";
import { Link as RouterLink } from "react-router";
import { fieldErrors } from "../../api/client";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { AddActions } from "./AddActions";
import type { Link, LinkKind, Person } from "./types";

const KINDS: readonly LinkKind[] = ["incident", "case"];
const kindLabel = (kind: LinkKind) => (kind === "incident" ? t("persons.links.incident") : t("persons.links.case"));

/**
 * Where a linked incident or case opens: incidents by id; a case by id, or by its reference looked up in
 * the evidence vault's list (for roles that may read it). Null when the console has no page to open.
 */
export function useLinkTargets(links: readonly Link[]): (link: Link) => string | null {
  const { client, can } = useAuth();
  const mayReadCases = can(Permission.EVIDENCE_READ);
  const needsCases = mayReadCases && links.some((link) => link.kind === "case" && !/^\d+$/.test(link.ref));
  const { resource } = useResource(
    (signal) => (needsCases ? client.GET("/api/v1/evidence/cases", { signal }) : Promise.resolve([])),
    [client, needsCases],
  );
  return (link) => {
    if (link.kind === "incident") return can(Permission.INCIDENTS_MANAGE, Permission.DISPATCH_MANAGE) ? `/incidents/${link.ref}` : null;
    if (!mayReadCases) return null;
    if (/^\d+$/.test(link.ref)) return `/evidence/cases/${link.ref}`;
    const found = resource.data?.find((c) => c.reference === link.ref);
    return found ? `/evidence/cases/${found.id}` : null;
  };
}

/** Incidents and evidence cases the person is linked to (clickable where the console has their page). */
export function LinksPanel({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { client, can } = useAuth();
  const targetOf = useLinkTargets(person.links);
  const [kind, setKind] = useState<LinkKind>("incident");
  const [ref, setRef] = useState("");
  const add = useMutation(
    () => client.POST("/api/v1/persons/{person_id}/links", { params: { path: { person_id: person.id } }, body: { kind, ref: ref.trim() } }),
    {
      onSuccess: () => {
        setRef("");
        onChanged();
      },
    },
  );
  const errors = fieldErrors(add.failure, ["kind", "ref"]);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ref.trim()) add.fail(t("persons.links.refNeeded"));
    else void add.run();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("persons.links.title")}</h3>
      {person.links.length === 0 ? <p className="muted">{t("persons.links.none")}</p> : null}
      <ul data-testid="person-links">
        {person.links.map((link) => {
          const target = targetOf(link);
          const text = t("persons.links.item", { kind: kindLabel(link.kind), ref: link.ref });
          return (
            <li key={link.id}>
              {target ? <RouterLink to={target}>{text}</RouterLink> : text}{" "}
              <span className="muted">{t("persons.links.added", { by: link.added_by, at: formatDateTime(link.created_at) })}</span>
            </li>
          );
        })}
      </ul>
      {can(Permission.PERSONS_MANAGE) ? (
        <form className="form-grid" onSubmit={submit} noValidate aria-label={t("persons.links.add")}>
          <FormField id={`${id}-kind`} label={t("persons.links.kind")} error={errors.kind}>
            {(control) => <ChoiceSelect {...control} values={KINDS} label={kindLabel} value={kind} onChange={setKind} />}
          </FormField>
          <FormField id={`${id}-ref`} label={t("persons.links.ref")} hint={t("persons.links.refHint")} error={errors.ref}>
            {(control) => <input {...control} value={ref} maxLength={128} onChange={(e) => setRef(e.target.value)} />}
          </FormField>
          <AddActions label={t("persons.links.add")} busyLabel={t("persons.links.adding")} action={add} errors={errors} />
        </form>
      ) : null}
    </section>
  );
}
