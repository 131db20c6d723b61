import { Link } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission, type PermissionName } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { usePurposeQuery } from "./purpose";
import { entryKindLabel, entryTarget, isSighting, newestFirst } from "./timelineEntries";
import type { Person, TimelineEntry } from "./types";

/** Everything known about the person, newest first, and the record's change history with who and why. */
export function PersonTimeline({ person, generation }: { person: Person; generation: number }) {
  const { client } = useAuth();
  const purpose = usePurposeQuery();
  const { resource } = useResource(
    (signal) =>
      client.GET("/api/v1/persons/{person_id}/timeline", {
        params: { path: { person_id: person.id }, query: purpose },
        signal,
      }),
    [client, person.id, purpose.purpose, purpose.case_ref, generation],
  );
  const { names } = useCameraRegistry();
  const entries = newestFirst(resource.data?.entries ?? []);
  const changes = entries.filter((entry) => entry.kind === "change");
  const events = entries.filter((entry) => entry.kind !== "change");
  return (
    <>
      <section className="card" aria-labelledby="person-timeline-title">
        <h3 id="person-timeline-title">{t("persons.timeline.title")}</h3>
        <StateMessage resource={resource} what={t("persons.timeline.what")} />
        {resource.data && events.length === 0 ? <p className="muted">{t("persons.timeline.empty")}</p> : null}
        <ol className="persons-timeline" data-testid="person-timeline">
          {events.map((entry, index) => (
            <TimelineItem key={`${entry.kind}-${entry.ref ?? ""}-${index}`} entry={entry} cameraNames={names} />
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="person-history-title">
        <h3 id="person-history-title">{t("persons.history.title")}</h3>
        <ol className="persons-timeline" data-testid="person-history">
          {changes.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> <span>{entry.title}</span>{" "}
              <span className="muted">{t("persons.history.by", { actor: String(entry.details?.actor ?? "") })}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The permission the page an entry opens needs. */
function permissionsToOpen(entry: TimelineEntry): PermissionName[] {
  if (entry.kind === "incident") return [Permission.INCIDENTS_MANAGE, Permission.DISPATCH_MANAGE];
  if (entry.kind === "face_match") return [Permission.FACES_CONFIRM];
  return [Permission.EVENTS_READ];
}

function TimelineItem({ entry, cameraNames }: { entry: TimelineEntry; cameraNames: ReadonlyMap<string, string> }) {
  const { can } = useAuth();
  const target = entryTarget(entry);
  const mayOpen = target !== null && can(...permissionsToOpen(entry));
  return (
    <li className={isSighting(entry) ? "persons-sighting" : undefined} data-kind={entry.kind}>
      <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{" "}
      <span className="badge">{entryKindLabel(entry.kind)}</span> <span>{entry.title}</span>
      <CameraPlace entry={entry} cameraNames={cameraNames} />{" "}
      {mayOpen && target ? (
        <Link className="btn btn-small" to={target}>
          {entry.camera_id && entry.kind !== "face_match" ? t("persons.timeline.footage") : t("persons.timeline.open")}
        </Link>
      ) : null}
    </li>
  );
}

/** "at Kalma Chowk", unless the entry's title already says where. */
function CameraPlace({ entry, cameraNames }: { entry: TimelineEntry; cameraNames: ReadonlyMap<string, string> }) {
  if (!entry.camera_id) return null;
  const camera = cameraNames.get(entry.camera_id) ?? entry.camera_id;
  if (entry.title.includes(camera)) return null;
  return <span className="muted"> {t("persons.timeline.camera", { camera })}</span>;
}
