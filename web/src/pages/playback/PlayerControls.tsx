/** The player's buttons: play, ±10 s, frame step, speed, the wall clock, in/out marks and export. */
import { formatTime } from "../alerts/format";
import { PLAYER_SHORTCUTS, type PlayerCommand } from "./shortcuts";
import { formatSeconds, SPEEDS, type Span } from "./timelineMath";
import { Options } from "../../components/Options";

const KEY_OF: Partial<Record<PlayerCommand, string>> = Object.fromEntries(
  PLAYER_SHORTCUTS.map(({ command, keys }) => [command, keys[keys.length - 1] ?? ""]),
);

/** The wall-clock time of the frame on screen, to the millisecond. */
export function wallClock(time: number): string {
  const date = new Date(time);
  return `${formatTime(date.toISOString())}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

export function PlayerControls({
  wall,
  playing,
  speed,
  selection,
  mayExport,
  canExport,
  commands,
  onSpeed,
  onClearSelection,
}: {
  wall: number | null;
  playing: boolean;
  speed: number;
  selection: Partial<Span>;
  mayExport: boolean;
  canExport: boolean;
  commands: Record<PlayerCommand, () => void>;
  onSpeed: (speed: number) => void;
  onClearSelection: () => void;
}) {
  const button = (command: PlayerCommand, label: string, disabled = false, className = "btn") => (
    <button type="button" className={className} disabled={disabled} aria-keyshortcuts={KEY_OF[command]} onClick={() => commands[command]()}>
      {label}
      <kbd className="shortcut-hint" aria-hidden="true">
        {KEY_OF[command]}
      </kbd>
    </button>
  );
  const noPosition = wall === null;
  const length = selection.start !== undefined && selection.end !== undefined ? selection.end - selection.start : null;
  return (
    <div className="player-controls card">
      <div className="player-clock">
        <span className="muted">Frame time</span>
        <output data-testid="wall-clock" data-time={wall === null ? "" : new Date(wall).toISOString()}>
          {wall === null ? "—" : wallClock(wall)}
        </output>
      </div>
      <div role="group" aria-label="Playback" className="player-buttons">
        {button("back10", "−10 s", noPosition)}
        {button("frameBack", "◀ Frame", noPosition)}
        {button("toggle", playing ? "Pause" : "Play", noPosition, "btn btn-primary")}
        {button("frameForward", "Frame ▶", noPosition)}
        {button("forward10", "+10 s", noPosition)}
        <div className="field field-inline">
          <label htmlFor="player-speed">Speed</label>
          <select id="player-speed" value={speed} onChange={(e) => onSpeed(Number(e.target.value))}>
            <Options items={SPEEDS} label={(s) => `${s}×`} />
          </select>
        </div>
      </div>
      <div role="group" aria-label="Range" className="player-buttons">
        {button("markIn", "Mark in", noPosition)}
        {button("markOut", "Mark out", noPosition)}
        <span data-testid="selection" className="player-selection">
          {selection.start !== undefined ? <>In {wallClock(selection.start)}</> : "No in mark"}
          {" · "}
          {selection.end !== undefined ? <>Out {wallClock(selection.end)}</> : "no out mark"}
          {length !== null && length > 0 ? <strong> · {formatSeconds(length)}</strong> : null}
        </span>
        {selection.start !== undefined || selection.end !== undefined ? (
          <button type="button" className="btn btn-quiet btn-small" onClick={onClearSelection}>
            Clear range
          </button>
        ) : null}
        {mayExport ? button("export", "Export to case…", !canExport) : null}
      </div>
    </div>
  );
}
