/** Server shapes used by the search pages, mirrored from the FastAPI models named beside each. */

/** `PlateReadOut` (src/safecity/anpr/api.py). */
export interface PlateRead {
  id: number;
  event_id: string;
  camera_id: string;
  time: string;
  text: string;
  plate_key: string;
  series: string | null;
  year: string | null;
  number: string | null;
  format: string | null;
  matched: boolean;
  confidence: number;
  direction: string | null;
  latitude: number | null;
  longitude: number | null;
  crop_sha256: string | null;
  snapshot_sha256: string | null;
}

/** `ReadsOut`. */
export interface PlateReadsResponse {
  reads: PlateRead[];
  count: number;
  limit: number;
}

/** `SightingOut` of `/api/v1/plates/trajectory`. */
export interface PlateSighting {
  camera_id: string;
  time: string;
  text: string;
  latitude: number | null;
  longitude: number | null;
  confidence: number;
  direction: string | null;
  crop_sha256: string | null;
  event_id: string;
}

/** `TrajectoryOut`. */
export interface TrajectoryResponse {
  plate: string;
  sightings: PlateSighting[];
  count: number;
}

/** `SightingOut` of `/api/v1/faces/forensic` (src/safecity/faces/api.py). */
export interface FaceSighting {
  sighting_id: number;
  camera_id: string | null;
  time: string;
  track_id: string;
  crop_sha256: string;
  distance: number;
  score: number;
}

/** `ForensicOut`. */
export interface ForensicResponse {
  probe_box: number[];
  model: string;
  sightings: FaceSighting[];
}

/** `StoredEventOut` (src/safecity/events_search/api.py). */
export interface StoredEvent {
  seq: number;
  id: string;
  type: string;
  time: string;
  published_at: string;
  camera_id: string | null;
  source: string | null;
  payload: Record<string, unknown>;
}

/** `EventsPageOut`. */
export interface EventsPage {
  events: StoredEvent[];
  next_cursor: number | null;
  limit: number;
}
