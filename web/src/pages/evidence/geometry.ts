import { t } from "../../i18n/catalogue";
/**
 * Redaction rectangles in image pixels, the server's convention for redaction boxes (custody `regions`):
 * `[x1, y1, x2, y2]` with x2/y2 exclusive, inside the image.
 */

export interface PixelRect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Smaller than this (in image pixels) is treated as a click, not a drawn region. */
export const MIN_REGION_SIDE = 4;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A point on the displayed (scaled) image, in CSS pixels from its top-left corner, as an image pixel. */
export function toImagePoint(displayPoint: Point, displayed: Size, natural: Size): Point {
  const scaleX = displayed.width > 0 ? natural.width / displayed.width : 1;
  const scaleY = displayed.height > 0 ? natural.height / displayed.height : 1;
  return {
    x: clamp(Math.round(displayPoint.x * scaleX), 0, natural.width),
    y: clamp(Math.round(displayPoint.y * scaleY), 0, natural.height),
  };
}

/** The rectangle a mouse drag from `start` to `end` (displayed coordinates) covers, in image pixels;
 * any drag direction works. Null when it is too small to be meant as a region. */
export function dragToRect(start: Point, end: Point, displayed: Size, natural: Size): PixelRect | null {
  const a = toImagePoint(start, displayed, natural);
  const b = toImagePoint(end, displayed, natural);
  const rect = { x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y) };
  return rect.x2 - rect.x1 < MIN_REGION_SIDE || rect.y2 - rect.y1 < MIN_REGION_SIDE ? null : rect;
}

/** Where to draw `rect` over the displayed image, as percentages (so it follows the image when it resizes). */
export function rectToPercent(rect: PixelRect, natural: Size) {
  return {
    left: (rect.x1 / natural.width) * 100,
    top: (rect.y1 / natural.height) * 100,
    width: ((rect.x2 - rect.x1) / natural.width) * 100,
    height: ((rect.y2 - rect.y1) / natural.height) * 100,
  };
}

/** What the keyboard form holds: the top-left corner and the size, as typed. */
export interface RectFields {
  x: string;
  y: string;
  width: string;
  height: string;
}

export type RectFieldErrors = Partial<Record<keyof RectFields, string>>;

/** Validate typed numbers against the image; returns the rectangle or the message for each bad field. */
export function fieldsToRect(fields: RectFields, natural: Size): { rect: PixelRect } | { errors: RectFieldErrors } {
  const errors: RectFieldErrors = {};
  const read = (key: keyof RectFields, min: number, max: number, label: string): number => {
    const text = fields[key].trim();
    const value = Number(text);
    if (text === "" || !Number.isInteger(value)) errors[key] = `${label} must be a whole number of pixels.`;
    else if (value < min || value > max) errors[key] = `${label} must be between ${min} and ${max}.`;
    return value;
  };
  const x = read("x", 0, natural.width - MIN_REGION_SIDE, t("evidence.left"));
  const y = read("y", 0, natural.height - MIN_REGION_SIDE, t("evidence.top"));
  const width = read("width", MIN_REGION_SIDE, natural.width, t("evidence.width"));
  const height = read("height", MIN_REGION_SIDE, natural.height, t("evidence.height"));
  if (!errors.x && !errors.width && x + width > natural.width)
    errors.width = `Reaches past the right edge: at most ${natural.width - x} from left ${x}.`;
  if (!errors.y && !errors.height && y + height > natural.height)
    errors.height = `Reaches past the bottom edge: at most ${natural.height - y} from top ${y}.`;
  if (Object.keys(errors).length > 0) return { errors };
  return { rect: { x1: x, y1: y, x2: x + width, y2: y + height } };
}

export function rectToFields(rect: PixelRect): RectFields {
  return {
    x: String(rect.x1),
    y: String(rect.y1),
    width: String(rect.x2 - rect.x1),
    height: String(rect.y2 - rect.y1),
  };
}

/** A rectangle as the API's box `[x1, y1, x2, y2]` (what `regions` in a redaction request holds). */
export function rectToBox(rect: PixelRect): [number, number, number, number] {
  return [rect.x1, rect.y1, rect.x2, rect.y2];
}

/** Boxes (`[[x1, y1, x2, y2], ...]`) under `key` of a custody entry's details, ignoring anything else. For a
 * video the server records counts instead of boxes for detected regions; those give []. */
export function regionsFromDetails(details: string, key = "regions"): PixelRect[] {
  try {
    const parsed: unknown = JSON.parse(details);
    if (!parsed || typeof parsed !== "object" || !(key in parsed)) return [];
    const regions = (parsed as Record<string, unknown>)[key];
    if (!Array.isArray(regions)) return [];
    return regions.flatMap((box: unknown) =>
      Array.isArray(box) && box.length === 4 && box.every((n) => typeof n === "number")
        ? [{ x1: box[0] as number, y1: box[1] as number, x2: box[2] as number, y2: box[3] as number }]
        : [],
    );
  } catch {
    return [];
  }
}
