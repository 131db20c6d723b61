/**
 * The timeline's arithmetic, kept apart from React so it can be checked on its own: where a moment sits on
 * the bar (time ↔ pixel), which recorded ranges, gaps and event marks are in view and how wide they draw,
 * and the range an operator selects by dragging or by in/out marks. Times are epoch milliseconds.
 */

export interface Span {
  start: number;
  end: number;
}

/** A drawable piece of the bar: left edge and width in pixels. */
export interface Bar {
  x: number;
  width: number;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Zoom levels the operator can pick: the whole day down to a span where one pixel is well under a second. */
export const ZOOM_SPANS: readonly { span: number; label: string }[] = [
  { span: DAY, label: "24 h" },
  { span: 4 * HOUR, label: "4 h" },
  { span: HOUR, label: "1 h" },
  { span: 10 * MINUTE, label: "10 min" },
  { span: 2 * MINUTE, label: "2 min" },
];


export function timeToX(time: number, view: Span, width: number): number {
  return ((time - view.start) / (view.end - view.start)) * width;
}

/** The moment under pixel `x`, kept inside the view. */
export function xToTime(x: number, view: Span, width: number): number {
  const clamped = Math.min(Math.max(x, 0), width);
  return view.start + (clamped / width) * (view.end - view.start);
}

/**
 * The `span` ms shown around `center`, never reaching past `latest` (nothing is recorded in the future)
 * nor before `earliest` (the day the timeline covers).
 */
export function viewAround(center: number, span: number, bounds: Span): Span {
  const length = Math.min(span, bounds.end - bounds.start);
  const start = Math.min(Math.max(center - length / 2, bounds.start), bounds.end - length);
  return { start, end: start + length };
}

/** The 24 hours the timeline covers for a moment: centred on it, but never reaching past `now`. */
export function dayAround(at: number, now: number): Span {
  const end = Math.min(now, at + DAY / 2);
  return { start: end - DAY, end };
}

/**
 * The ranges that reach into the view, clipped to it, as bars at least `minWidth` wide: a 2-second gap on
 * the 24-hour bar still shows.
 */
export function barsInView(ranges: readonly Span[], view: Span, width: number, minWidth = 1): Bar[] {
  const bars: Bar[] = [];
  for (const range of ranges) {
    if (range.end <= view.start || range.start >= view.end) continue;
    const left = timeToX(Math.max(range.start, view.start), view, width);
    const right = timeToX(Math.min(range.end, view.end), view, width);
    bars.push({ x: left, width: Math.max(right - left, minWidth) });
  }
  return bars;
}

/** Recorded ranges from the API's segments: touching or overlapping segments merge into one range. */
export function mergeRanges(ranges: readonly Span[], tolerance = 0): Span[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end + tolerance) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

export type MarkKind = "alert" | "plate" | "line_crossing" | "violation";

export interface Mark {
  kind: MarkKind;
  time: number;
  /** What the mark is, in words (for its tooltip and the list of events). */
  label: string;
  /** Where the record behind it lives in the console, when it has a page. */
  href?: string;
}

export interface PlacedMark extends Mark {
  x: number;
}

/** The marks inside the view with their x, oldest first. */
export function marksInView(marks: readonly Mark[], view: Span, width: number): PlacedMark[] {
  return marks
    .filter((mark) => mark.time >= view.start && mark.time <= view.end)
    .sort((a, b) => a.time - b.time)
    .map((mark) => ({ ...mark, x: timeToX(mark.time, view, width) }));
}

/** Drag from x0 to x1 (either direction) → the selected range, inside the view, whole milliseconds. */
export function selectionFromDrag(x0: number, x1: number, view: Span, width: number): Span {
  const a = xToTime(x0, view, width);
  const b = xToTime(x1, view, width);
  return { start: Math.round(Math.min(a, b)), end: Math.round(Math.max(a, b)) };
}

/** Setting the in mark after the out mark (or the out mark before the in mark) starts a new range there. */
export function withIn(selection: Partial<Span>, time: number): Partial<Span> {
  return selection.end !== undefined && time < selection.end ? { start: time, end: selection.end } : { start: time };
}

export function withOut(selection: Partial<Span>, time: number): Partial<Span> {
  return selection.start !== undefined && time > selection.start ? { start: selection.start, end: time } : { end: time };
}

export function isComplete(selection: Partial<Span>): selection is Span {
  return selection.start !== undefined && selection.end !== undefined && selection.end > selection.start;
}

/** Length of a range in seconds, to one decimal: "20.0 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / SECOND).toFixed(1)} s`;
}

export const SPEEDS = [0.5, 1, 2, 4] as const;

/** The next speed up (+1) or down (-1) from `current`, staying at the ends. */
export function stepSpeed(current: number, direction: 1 | -1): number {
  const index = SPEEDS.findIndex((speed) => speed >= current);
  const at = index === -1 ? SPEEDS.length - 1 : index;
  const next = SPEEDS[Math.min(Math.max(at + direction, 0), SPEEDS.length - 1)];
  return next ?? current;
}

/** Evenly spaced tick times for the view's labels: a round step (1 s … 2 h) that gives at most `most` ticks. */
export function ticks(view: Span, most: number): number[] {
  const steps = [SECOND, 5 * SECOND, 10 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR];
  const span = view.end - view.start;
  const step = steps.find((s) => span / s <= most) ?? 6 * HOUR;
  const found: number[] = [];
  for (let t = Math.ceil(view.start / step) * step; t <= view.end; t += step) found.push(t);
  return found;
}
