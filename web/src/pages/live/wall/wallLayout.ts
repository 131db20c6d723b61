/** Video-wall layouts, tours and pop-out addresses: pure functions, no React. */

export const LAYOUTS = ["1", "4", "9", "16", "1+5"] as const;
export type WallLayout = (typeof LAYOUTS)[number];

/** What the wall shows: a layout, cameras in tile order (null: an empty tile) and, for a tour, its period. */
export interface WallSpec {
  layout: WallLayout;
  cameraIds: (string | null)[];
  /** Cycle the cameras a layout-full at a time, every N seconds (null: no tour). */
  tourSeconds: number | null;
}

export const TILES: Record<WallLayout, number> = { "1": 1, "4": 4, "9": 9, "16": 16, "1+5": 6 };

/** Pictures a second a tile asks for: fewer as tiles get smaller (a 16-tile wall needs no 5 fps thumbnails). */
export const TILE_FPS: Record<WallLayout, number> = { "1": 5, "4": 3, "9": 2, "16": 1, "1+5": 2 };

export function isLayout(value: string | null | undefined): value is WallLayout {
  return (LAYOUTS as readonly string[]).includes(value ?? "");
}

export function pageCount(spec: WallSpec): number {
  if (spec.tourSeconds === null) return 1;
  return Math.max(1, Math.ceil(spec.cameraIds.length / TILES[spec.layout]));
}

/** The cameras of each tile on page `page` (wrapping), padded with empty tiles. */
export function camerasOnPage(spec: WallSpec, page: number): (string | null)[] {
  const tiles = TILES[spec.layout];
  const start = (((page % pageCount(spec)) + pageCount(spec)) % pageCount(spec)) * tiles;
  return Array.from({ length: tiles }, (_, i) => spec.cameraIds[start + i] ?? null);
}

/** The tile's camera changed: a copy of the cameras with `cameraId` in tile `index` of the first page. */
export function withCamera(spec: WallSpec, index: number, cameraId: string | null): WallSpec {
  const cameraIds = [...spec.cameraIds];
  while (cameraIds.length <= index) cameraIds.push(null);
  cameraIds[index] = cameraId;
  return { ...spec, cameraIds };
}

/** The layout changed: the cameras stay, those beyond the new tiles are kept only for a tour. */
export function withLayout(spec: WallSpec, layout: WallLayout): WallSpec {
  const cameraIds = spec.tourSeconds === null ? spec.cameraIds.slice(0, TILES[layout]) : spec.cameraIds;
  return { ...spec, layout, cameraIds };
}

/** Picture width a tile asks the server for: its size on screen, in steps of 160 px, within 160..1920. */
export function tileWidth(cssWidth: number, pixelRatio = 1): number {
  const wanted = Math.ceil((cssWidth * pixelRatio) / 160) * 160;
  return Math.min(1920, Math.max(160, wanted));
}

/** The query of the pop-out route for a wall (the pop-out window shows it with nothing else). */
export function specQuery(spec: WallSpec): string {
  const params = new URLSearchParams({ layout: spec.layout, cameras: spec.cameraIds.map((id) => id ?? "").join(",") });
  if (spec.tourSeconds !== null) params.set("tour", String(spec.tourSeconds));
  return params.toString();
}

export function specFromQuery(search: string): WallSpec {
  const params = new URLSearchParams(search);
  const layout = params.get("layout");
  const tour = Number(params.get("tour"));
  return {
    layout: isLayout(layout) ? layout : "4",
    cameraIds: (params.get("cameras") ?? "").split(",").map((id) => id || null),
    tourSeconds: Number.isFinite(tour) && tour >= 3 ? tour : null,
  };
}
