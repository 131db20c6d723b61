/** What a page puts on the city map (see CityMap.tsx): layers of markers, optionally joined as a path. */

export interface MapPoint {
  latitude: number;
  longitude: number;
}

export interface MapMarker extends MapPoint {
  /** Unique within its layer. */
  id: string;
  /** Fill colour (never the only cue: `label` says the same in words, `text` may too). */
  color: string;
  /** Tooltip and accessible name. */
  label: string;
  /** Short text inside the marker ("P1", a sighting's number). */
  text?: string;
  /** dot: a round marker; tag: a rounded label (text inside); ring: a dashed ring (a place being chosen). */
  shape?: "dot" | "tag" | "ring";
  selected?: boolean;
  /** Dimmed (a disabled camera). */
  faded?: boolean;
  /** Where a camera looks (degrees clockwise from north) and how wide; both given: a view cone is drawn. */
  headingDeg?: number | null;
  fovDeg?: number | null;
  onClick?: () => void;
}

export interface MapLayer {
  /** Stable id (also the marker elements' `data-layer`). */
  id: string;
  /** The layer's name on its toggle ("Cameras", "Units"). */
  label: string;
  markers: readonly MapMarker[];
  /** Join the markers in order with a line (a trajectory). */
  path?: boolean;
  /** Offered as a toggle, or always shown. Default true. */
  toggle?: boolean;
}

/** A shaded square or polygon (a forecast cell). Ring: [longitude, latitude] pairs. */
export interface MapArea {
  ring: [number, number][];
  color: string;
  opacity: number;
}
