/**
 * "Play video": opens the recorded footage of a camera at a moment (an alert, a plate read, a sighting, a
 * violation), starting PRE_ROLL_SECONDS earlier so the operator sees what led up to it.
 */
import { Link } from "react-router";
import { useAuth } from "../auth/AuthContext";
import { Permission } from "../auth/permissions";
import { t } from "../i18n/catalogue";

export const PRE_ROLL_SECONDS = 10;

/** The playback page of `cameraId` at `moment` (ISO 8601 or epoch ms) minus the pre-roll. */
export function playbackPath(cameraId: string, moment?: string | number | null, preRollSeconds = PRE_ROLL_SECONDS): string {
  const base = `/cameras/${encodeURIComponent(cameraId)}/playback`;
  if (moment === undefined || moment === null) return base;
  const time = typeof moment === "number" ? moment : Date.parse(moment);
  if (Number.isNaN(time)) return base;
  return `${base}?at=${encodeURIComponent(new Date(time - preRollSeconds * 1000).toISOString())}`;
}

/** The link, for roles that may play recordings; nothing for a record without a camera. */
export function PlayVideoLink({
  cameraId,
  moment,
  label = t("common.playVideo"),
  ariaLabel,
  className = "btn btn-small",
}: {
  cameraId: string | null | undefined;
  moment?: string | number | null;
  label?: string;
  /** The link's name where many sit side by side (table rows): "Play video of LEA-1234 at 10:02". */
  ariaLabel?: string;
  className?: string;
}) {
  const { can } = useAuth();
  if (!cameraId || !can(Permission.EVENTS_READ)) return null;
  return (
    <Link className={className} to={playbackPath(cameraId, moment)} aria-label={ariaLabel} data-testid="play-video">
      {label}
    </Link>
  );
}
