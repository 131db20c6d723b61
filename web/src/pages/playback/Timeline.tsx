/**
 * The day's timeline: recorded ranges, gaps, event marks, the selected range and the playhead. Click to
 * seek, drag to select a range; as a slider it takes ←/→ (10 s), PageUp/PageDown (one minute), Home/End.
 */
import { type KeyboardEvent } from "react";
import { Link } from "react-router";
import { type PointerDrag, usePointerDrag } from "../../hooks/usePointerDrag";
import { formatTime } from "../alerts/format";
import { MARK_LABEL } from "./marks";
import { formatTimeOfDay } from "../../format/dateTime";
import {
  barsInView,
  marksInView,
  MINUTE,
  SECOND,
  selectionFromDrag,
  ticks,
  timeToX,
  xToTime,
  type Mark,
  type Span,
} from "./timelineMath";
import { t } from "../../i18n/catalogue";

/** Drawn in percent of the bar: no measuring, and the bar follows the page's width. */
const FULL = 100;
/** A pointer that moved less than this many pixels clicked; more, it dragged a range. */
const DRAG_PIXELS = 4;
const MOST_TICKS = 8;

export function Timeline({
  view,
  recorded,
  gaps,
  marks,
  playhead,
  selection,
  onSeek,
  onSelect,
}: {
  view: Span;
  recorded: readonly Span[];
  gaps: readonly Span[];
  marks: readonly Mark[];
  playhead: number | null;
  selection: Partial<Span>;
  onSeek: (time: number) => void;
  onSelect: (range: Span) => void;
}) {
  const { drag, handlers } = usePointerDrag(({ start, end, size }) => {
    const width = size.width || 1;
    if (Math.abs(end.x - start.x) < DRAG_PIXELS) onSeek(Math.round(xToTime(end.x, view, width)));
    else onSelect(selectionFromDrag(start.x, end.x, view, width));
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const at = playhead ?? view.start;
    const moves: Record<string, number> = {
      ArrowLeft: at - 10 * SECOND,
      ArrowRight: at + 10 * SECOND,
      PageDown: at - MINUTE,
      PageUp: at + MINUTE,
      Home: view.start,
      End: view.end,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSeek(target);
  };

  const dragged = drag ? draggedRange(drag, view) : null;
  const shownSelection: Span | null =
    dragged ?? (selection.start !== undefined && selection.end !== undefined ? { start: selection.start, end: selection.end } : null);
  const percent = (time: number) => `${timeToX(time, view, FULL)}%`;

  return (
    <div className="timeline">
      <div className="timeline-ticks" aria-hidden="true">
        {ticks(view, MOST_TICKS).map((tick) => (
          <span key={tick} style={{ left: percent(tick) }}>
            {clock(tick, view.end - view.start > 10 * MINUTE)}
          </span>
        ))}
      </div>
      <div
        className="timeline-bar"
        role="slider"
        tabIndex={0}
        aria-label={t("playback.timeline")}
        aria-valuemin={Math.round(view.start / SECOND)}
        aria-valuemax={Math.round(view.end / SECOND)}
        aria-valuenow={playhead === null ? undefined : Math.round(playhead / SECOND)}
        aria-valuetext={playhead === null ? t("playback.noPosition") : formatTime(new Date(playhead).toISOString())}
        data-testid="timeline"
        {...handlers}
        onKeyDown={onKeyDown}
      >
        {barsInView(gaps, view, FULL, 0).map((bar, index) => (
          <div key={`gap-${index}`} className="timeline-gap" style={{ left: `${bar.x}%`, width: `${bar.width}%` }} title={t("playback.noRecording")} />
        ))}
        {barsInView(recorded, view, FULL, 0).map((bar, index) => (
          <div key={`rec-${index}`} className="timeline-recorded" style={{ left: `${bar.x}%`, width: `${bar.width}%` }} />
        ))}
        {marksInView(marks, view, FULL).map((mark, index) => (
          <div
            key={`${mark.kind}-${mark.time}-${index}`}
            className={`timeline-mark timeline-mark-${mark.kind}`}
            style={{ left: `${mark.x}%` }}
            title={`${mark.label}, ${formatTime(new Date(mark.time).toISOString())}`}
          />
        ))}
        {shownSelection ? (
          <div
            className="timeline-selection"
            data-testid="timeline-selection"
            style={selectionStyle(shownSelection, view)}
          />
        ) : null}
        {playhead !== null && playhead >= view.start && playhead <= view.end ? (
          <div className="timeline-playhead" style={{ left: percent(playhead) }} />
        ) : null}
      </div>
      <ul className="inline-list timeline-legend" aria-label={t("playback.timelineLegend")}>
        <li>
          <span className="swatch timeline-recorded" aria-hidden="true" />{" "}{t("playback.recorded")}
        </li>
        <li>
          <span className="swatch timeline-gap" aria-hidden="true" />{" "}{t("playback.noRecording")}
        </li>
        {(Object.keys(MARK_LABEL) as (keyof typeof MARK_LABEL)[]).map((kind) => (
          <li key={kind}>
            <span className={`swatch timeline-mark-${kind}`} aria-hidden="true" /> {MARK_LABEL[kind]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function selectionStyle(selection: Span, view: Span) {
  const bar = barsInView([selection], view, FULL, 0)[0];
  return bar ? { left: `${bar.x}%`, width: `${bar.width}%` } : { display: "none" };
}

function draggedRange({ start, end, size }: PointerDrag, view: Span): Span | null {
  return Math.abs(end.x - start.x) < DRAG_PIXELS ? null : selectionFromDrag(start.x, end.x, view, size.width || 1);
}

function clock(time: number, minutesOnly: boolean): string {
  return formatTimeOfDay(time, { seconds: !minutesOnly });
}

/** The marks in view as a list of buttons: the keyboard way to reach an event (each seeks to it, pre-roll included). */
export function MarkList({ marks, view, onSeek }: { marks: readonly Mark[]; view: Span; onSeek: (time: number) => void }) {
  const shown = marksInView(marks, view, FULL);
  if (shown.length === 0) return <p className="muted">{t("playback.noEventsInThis")}</p>;
  return (
    <details className="mark-list">
      <summary>
        {t("playback.eventsInView", { count: shown.length })}
      </summary>
      <ul>
        {shown.map((mark, index) => (
          <li key={`${mark.kind}-${mark.time}-${index}`}>
            <span className={`swatch timeline-mark-${mark.kind}`} aria-hidden="true" />
            <button type="button" className="btn btn-quiet btn-small" onClick={() => onSeek(mark.time)}>
              {formatTime(new Date(mark.time).toISOString())}: {mark.label}
            </button>
            {mark.href ? <Link to={mark.href}>{t("playback.open")}</Link> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
