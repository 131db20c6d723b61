import { useId, useState } from "react";
import { Link } from "react-router";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { RecordTable, type Column } from "../../components/RecordTable";
import { StateMessage } from "../../components/StateMessage";
import { formatDateTime } from "../../format/dateTime";
import { messageRecord, t } from "../../i18n/catalogue";
import { personPath } from "./paths";
import { usePurposeQuery } from "./purpose";
import type { Cooccurrence, Person } from "./types";

/** How close in time counts as "together", in minutes (the API takes 1–120; these are the console's choices). */
const WINDOW_CHOICES = ["5", "15", "60"] as const;
type WindowMinutes = (typeof WINDOW_CHOICES)[number];

type CompanionKind = "person" | "vehicle";

const KIND_LABELS = messageRecord<CompanionKind>({
  person: "persons.cooccurrences.kind.person",
  vehicle: "persons.cooccurrences.kind.vehicle",
});

const kindLabel = (kind: string): string => (kind in KIND_LABELS ? KIND_LABELS[kind as CompanionKind] : kind);

/**
 * "Seen with": other persons of interest and vehicles seen at the same camera within minutes of this person's
 * sightings, most often first, read for the visit's purpose like the timeline.
 */
export function CooccurrencesPanel({ person, generation }: { person: Person; generation: number }) {
  const { client } = useAuth();
  const purpose = usePurposeQuery();
  const [windowMinutes, setWindowMinutes] = useState<WindowMinutes>(WINDOW_CHOICES[0]);
  const { resource } = useResource(
    (signal) =>
      client.GET("/api/v1/persons/{person_id}/co-occurrences", {
        params: { path: { person_id: person.id }, query: { ...purpose, window_minutes: Number(windowMinutes) } },
        signal,
      }),
    // A change to the record (e.g. a vehicle added) changes whose plates count as the person's own.
    [client, person.id, purpose.purpose, purpose.case_ref, windowMinutes, generation],
  );
  const { names } = useCameraRegistry();
  const found = resource.data;
  const id = useId();
  return (
    <section className="card" aria-labelledby="person-cooccurrences-title" data-testid="person-cooccurrences">
      <h3 id="person-cooccurrences-title">{t("persons.cooccurrences.title")}</h3>
      <p className="muted">{t("persons.cooccurrences.hint")}</p>
      <FormField id={`${id}-window`} label={t("persons.cooccurrences.window")}>
        {(control) => (
          <ChoiceSelect<WindowMinutes>
            {...control}
            values={WINDOW_CHOICES}
            label={(minutes) => t("persons.cooccurrences.minutes", { minutes })}
            value={windowMinutes}
            onChange={setWindowMinutes}
          />
        )}
      </FormField>
      <StateMessage resource={resource} what={t("persons.cooccurrences.what")} />
      {found && found.cooccurrences.length === 0 ? (
        <p className="muted">{t("persons.cooccurrences.empty", { minutes: found.window_minutes })}</p>
      ) : null}
      {found && found.cooccurrences.length > 0 ? (
        <RecordTable
          rows={found.cooccurrences}
          rowKey={(companion) => `${companion.kind}-${companion.person_id ?? companion.plate ?? ""}`}
          columns={companionColumns(names)}
          caption={t("persons.cooccurrences.caption", { minutes: found.window_minutes })}
          testId="person-cooccurrences-table"
        />
      ) : null}
    </section>
  );
}

/** Built on each render, so the headings follow the language. */
function companionColumns(cameraNames: ReadonlyMap<string, string>): Column<Cooccurrence>[] {
  return [
    { header: t("persons.cooccurrences.who"), rowHeader: true, cell: (companion) => <Companion companion={companion} /> },
    { header: t("persons.cooccurrences.kind"), cell: (companion) => kindLabel(companion.kind) },
    { header: t("persons.cooccurrences.count"), cell: (companion) => companion.count },
    {
      header: t("persons.cooccurrences.cameras"),
      cell: (companion) => companion.cameras.map((camera) => cameraNames.get(camera) ?? camera).join(", "),
    },
    { header: t("persons.cooccurrences.first"), cell: (companion) => <Moment at={companion.first_at} /> },
    { header: t("persons.cooccurrences.last"), cell: (companion) => <Moment at={companion.last_at} /> },
  ];
}

/** The other person (linked to their record) or the vehicle's plate as read. */
function Companion({ companion }: { companion: Cooccurrence }) {
  if (companion.kind === "person" && companion.person_id != null) {
    return <Link to={personPath(companion.person_id)}>{companion.name ?? t("persons.cooccurrences.record", { id: companion.person_id })}</Link>;
  }
  return <>{companion.plate ?? companion.name ?? ""}</>;
}

function Moment({ at }: { at: string }) {
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}
