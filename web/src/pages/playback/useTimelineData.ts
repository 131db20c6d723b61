/**
 * What the timeline draws for one camera and day: the recorded ranges and gaps (a purpose-bound read), and
 * the marks of the records the user's role may see. A mark source the role may not read is left out, not
 * shown as an error.
 */
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { useResource } from "../../api/useResource";
import { purposeQuery, type Purpose } from "../../components/PurposeDialog";
import { alertMarks, eventMarks, MARK_EVENT_TYPES, plateMarks } from "./marks";
import { mergeRanges, SECOND, type Mark, type Span } from "./timelineMath";

export interface Recorded {
  ranges: Span[];
  gaps: Span[];
  recordedSeconds: number;
}

const MARK_LIMIT = 500;
/** Segments a fraction of a second apart (a reconnect, a rollover) draw as one range. */
const JOIN_TOLERANCE = 0.5 * SECOND;

function spanOf(item: { start: string; end: string }): Span {
  return { start: Date.parse(item.start), end: Date.parse(item.end) };
}

export function useRecordings(cameraId: string, day: Span, purpose: Purpose | null, generation: number) {
  const { client } = useAuth();
  return useResource<Recorded | null>(
    async (signal) => {
      if (!purpose) return null;
      const found = await client.GET("/api/v1/cameras/{camera_id}/recordings", {
        params: {
          path: { camera_id: cameraId },
          query: { start: iso(day.start), end: iso(day.end), ...purposeQuery(purpose) },
        },
        signal,
      });
      return {
        ranges: mergeRanges(found.segments.map(spanOf), JOIN_TOLERANCE),
        gaps: found.gaps.map(spanOf),
        recordedSeconds: found.recorded_seconds,
      };
    },
    [client, cameraId, day.start, day.end, purpose, generation],
  );
}

export function useMarks(cameraId: string, day: Span, purpose: Purpose | null, generation: number) {
  const { client, can } = useAuth();
  const mayReadPlates = can(Permission.PLATES_SEARCH);
  return useResource<Mark[]>(
    async (signal) => {
      const since = iso(day.start);
      const until = iso(day.end);
      const alerts = client
        .GET("/api/v1/alerts", { params: { query: { camera_id: cameraId, since, limit: MARK_LIMIT } }, signal })
        .then((found) => alertMarks(found.filter((alert) => inside(Date.parse(alert.first_seen), day))));
      const events = MARK_EVENT_TYPES.map(({ type, kind }) =>
        client
          .GET("/api/v1/events", { params: { query: { type, camera_id: cameraId, since, until, limit: MARK_LIMIT } }, signal })
          .then((page) => eventMarks(page.events, kind)),
      );
      const plates =
        mayReadPlates && purpose
          ? client
              .GET("/api/v1/plates/reads", {
                params: { query: { camera_id: cameraId, since, until, limit: MARK_LIMIT, ...purposeQuery(purpose) } },
                signal,
              })
              .then((found) => plateMarks(found.reads))
          : Promise.resolve([]);
      const settled = await Promise.allSettled([alerts, ...events, plates]);
      return settled.flatMap((result) => (result.status === "fulfilled" ? result.value : []));
    },
    [client, cameraId, day.start, day.end, purpose, mayReadPlates, generation],
  );
}

function inside(time: number, span: Span): boolean {
  return time >= span.start && time < span.end;
}

export function iso(time: number): string {
  return new Date(time).toISOString();
}
