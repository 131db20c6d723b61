/** Runtime settings from /config.json (edit it on the server, no rebuild), with build-time env defaults. */
export interface ConsoleConfig {
  /** Leaflet tile URL template, e.g. a city-hosted tile server. Empty: no base map, markers only. */
  tileUrl: string;
  tileAttribution: string;
  mapCenter: [number, number];
  mapZoom: number;
}

export const DEFAULT_CONFIG: ConsoleConfig = {
  tileUrl: import.meta.env.VITE_TILE_URL ?? "",
  tileAttribution: import.meta.env.VITE_TILE_ATTRIBUTION ?? "",
  mapCenter: [20.5937, 78.9629],
  mapZoom: 12,
};

export function mergeConfig(raw: unknown): ConsoleConfig {
  const config = { ...DEFAULT_CONFIG };
  if (!raw || typeof raw !== "object") return config;
  const r = raw as Record<string, unknown>;
  if (typeof r.tileUrl === "string" && r.tileUrl) config.tileUrl = r.tileUrl;
  if (typeof r.tileAttribution === "string") config.tileAttribution = r.tileAttribution;
  if (
    Array.isArray(r.mapCenter) &&
    r.mapCenter.length === 2 &&
    r.mapCenter.every((n) => typeof n === "number" && Number.isFinite(n))
  ) {
    config.mapCenter = [r.mapCenter[0] as number, r.mapCenter[1] as number];
  }
  if (typeof r.mapZoom === "number") config.mapZoom = r.mapZoom;
  return config;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  try {
    const response = await fetch("/config.json", { cache: "no-store" });
    return mergeConfig(response.ok ? await response.json() : null);
  } catch {
    return DEFAULT_CONFIG;
  }
}
