/** The player's buttons: play, ±10 s, frame step, speed, the wall clock, in/out marks and export. */
import { formatTime } from "../alerts/format";
import { PLAYER_SHORTCUTS, type PlayerCommand } from "./shortcuts";
import { formatSeconds, SPEEDS, type Span } from "./timelineMath";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

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
        <span className="muted">{t("playback.frameTime")}</span>
        <output data-testid="wall-clock" data-time={wall === null ? "" : new Date(wall).toISOString()}>
          {wall === null ? "—" : wallClock(wall)}
        </output>
      </div>
      <div role="group" aria-label={t("playback.playback2")} className="player-buttons">
        {button("back10", t("playback.n10S"), noPosition)}
        {button("frameBack", t("playback.frame"), noPosition)}
        {button("toggle", playing ? t("playback.pause") : t("playback.play"), noPosition, "btn btn-primary")}
        {button("frameForward", t("playback.frame2"), noPosition)}
        {button("forward10", t("playback.n10S2"), noPosition)}
        <div className="field field-inline">
          <label htmlFor="player-speed">{t("playback.speed")}</label>
          <select id="player-speed" value={speed} onChange={(e) => onSpeed(Number(e.target.value))}>
            <Options items={SPEEDS} label={(s) => `${s}×`} />
          </select>
        </div>
      </div>
      <div role="group" aria-label={t("playback.range")} className="player-buttons">
        {button("markIn", t("playback.markIn"), noPosition)}
        {button("markOut", t("playback.markOut"), noPosition)}
        <span data-testid="selection" className="player-selection">
          {selection.start !== undefined ? <>{t("playback.in", { time: wallClock(selection.start) })}</> : t("playback.noInMark")}
          {" · "}
          {selection.end !== undefined ? <>{t("playback.out", { time: wallClock(selection.end) })}</> : t("playback.noOutMark")}
          {length !== null && length > 0 ? <strong> · {formatSeconds(length)}</strong> : null}
        </span>
        {selection.start !== undefined || selection.end !== undefined ? (
          <button type="button" className="btn btn-quiet btn-small" onClick={onClearSelection}>
            {t("playback.clearRange")}
          </button>
        ) : null}
        {mayExport ? button("export", t("playback.exportToCase2"), !canExport) : null}
      </div>
    </div>
  );
}
