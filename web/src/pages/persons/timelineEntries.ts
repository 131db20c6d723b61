/** The timeline's entries in words and where each opens in the console. */
import { playbackPath } from "../../components/PlayVideoLink";
import { messageRecord } from "../../i18n/catalogue";
import type { TimelineEntry } from "./types";

export type EntryKind = "change" | "plate_read" | "hotlist_hit" | "face_match" | "incident" | "case";

const KIND_LABELS = messageRecord<EntryKind>({
  change: "persons.timeline.kind.change",
  plate_read: "persons.timeline.kind.plateRead",
  hotlist_hit: "persons.timeline.kind.hotlistHit",
  face_match: "persons.timeline.kind.faceMatch",
  incident: "persons.timeline.kind.incident",
  case: "persons.timeline.kind.case",
});

export function entryKindLabel(kind: string): string {
  return kind in KIND_LABELS ? KIND_LABELS[kind as EntryKind] : kind;
}

/** Sightings (a camera saw the person or their vehicle), as opposed to record changes and links. */
export const isSighting = (entry: TimelineEntry): boolean =>
  entry.kind === "plate_read" || entry.kind === "hotlist_hit" || entry.kind === "face_match";

/** Where the entry opens: footage of its camera at its moment, the face candidates' page, the incident. */
export function entryTarget(entry: TimelineEntry): string | null {
  if (entry.kind === "incident" && entry.ref) return `/incidents/${entry.ref}`;
  if (entry.kind === "face_match") return "/alerts/faces";
  if (entry.camera_id) return playbackPath(entry.camera_id, entry.at);
  return null;
}

/** Newest first, as an investigator reads a history. */
export const newestFirst = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
