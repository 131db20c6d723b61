/**
 * Chart colours come from the theme's CSS variables; every series also gets its own fill pattern so that
 * colour is never the only way to tell series apart (the legend and the data table name them in words).
 */

const FALLBACK: Record<string, string> = {
  "--text": "#e6edf3",
  "--muted": "#9da7b3",
  "--border": "#30363d",
  "--link": "#58a6ff",
  "--ok": "#3fb950",
  "--warn": "#d29922",
  "--bad": "#ff7b72",
};

export function themeColour(variable: keyof typeof FALLBACK | string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
  return value || FALLBACK[variable] || "#9da7b3";
}

export type PatternKind = "solid" | "diagonal" | "dots" | "horizontal" | "cross" | "vertical";

/** In series order: the first series is solid, the others hatched or dotted. */
export const PATTERN_ORDER: readonly PatternKind[] = ["solid", "diagonal", "dots", "horizontal", "cross", "vertical"];

const TILE = 10;
const INK = "rgba(13, 17, 23, 0.8)";

/** A repeating fill of `colour` with dark `kind` marks; the plain colour where canvas is not available. */
export function patternFill(colour: string, kind: PatternKind): CanvasPattern | string {
  if (kind === "solid") return colour;
  const tile = document.createElement("canvas");
  tile.width = TILE;
  tile.height = TILE;
  const context = tile.getContext("2d");
  if (!context) return colour;
  context.fillStyle = colour;
  context.fillRect(0, 0, TILE, TILE);
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = 2;
  context.beginPath();
  if (kind === "diagonal") {
    context.moveTo(0, TILE);
    context.lineTo(TILE, 0);
  } else if (kind === "horizontal") {
    context.moveTo(0, TILE / 2);
    context.lineTo(TILE, TILE / 2);
  } else if (kind === "vertical") {
    context.moveTo(TILE / 2, 0);
    context.lineTo(TILE / 2, TILE);
  } else if (kind === "cross") {
    context.moveTo(0, 0);
    context.lineTo(TILE, TILE);
    context.moveTo(TILE, 0);
    context.lineTo(0, TILE);
  } else {
    context.arc(TILE / 2, TILE / 2, 2, 0, 2 * Math.PI);
    context.fill();
  }
  context.stroke();
  return context.createPattern(tile, "repeat") ?? colour;
}

export interface SeriesStyle {
  label: string;
  colour: string;
  pattern: PatternKind;
}

const RANKED_COLOURS = ["--bad", "--warn", "--link", "--ok", "--muted"];

/** Five ranked groups (severities, priorities): most urgent in the alarm colour, least in grey. */
export function rankedStyle(index: number, label: string): SeriesStyle {
  return {
    label,
    colour: themeColour(RANKED_COLOURS[index] ?? "--muted"),
    pattern: PATTERN_ORDER[index % PATTERN_ORDER.length] ?? "solid",
  };
}
