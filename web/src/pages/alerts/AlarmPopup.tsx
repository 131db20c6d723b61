import { FieldError } from "../../components/FormField";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useBlobUrl } from "../../api/useBlobUrl";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import type { Camera } from "../../api/types";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { FactList } from "../../components/FactList";
import { CityMap, type MapLayer } from "../../components/map/CityMap";
import { Modal } from "../../components/Modal";
import { PlayVideoLink } from "../../components/PlayVideoLink";
import { useLiveSocket } from "../../live/useLiveSocket";
import { MediaFigure } from "./AlertDetail";
import { alertApi } from "./api";
import { loadWatchedDistricts, watchesArea } from "./alarmArea";
import { MUTE_KEY, nextPending } from "./alarmPopup";
import { DismissDialog, IncidentDialog } from "./dialogs";
import { mediaOf } from "./format";
import { alertOfEvent } from "./queue";
import { subjectFacts } from "./subject";
import "./alarmPopup.css";
import type { Alert } from "./types";
import { t } from "../../i18n/catalogue";

const LIVE_REFRESH_MS = 2000;
const TOPICS = ["alert.>"];

/**
 * Escape only mutes the sound: the alarm stays until someone acknowledges, dismisses or opens an incident.
 * A critical alarm (panic, a hotlist vehicle listed as armed and dangerous, a confirmed face match) opens on
 * every operator's console, whatever page is showing: the camera's live picture, the snapshot, the recording
 * from 10 s before it, a sound that can be muted, and acknowledge / create incident / dismiss with a reason.
 */
export function AlarmPopup() {
  const { can } = useAuth();
  if (!can(Permission.ALERTS_ACT)) return null;
  return <AlarmWatcher />;
}

function AlarmWatcher() {
  const [pending, setPending] = useState<Alert[]>([]);
  const onEvent = useCallback((event: Parameters<typeof alertOfEvent>[0]) => {
    const alert = alertOfEvent(event);
    if (alert) setPending((current) => nextPending(current, alert));
  }, []);
  const status = useLiveSocket(TOPICS, onEvent);
  const { cameras } = useCameraRegistry();
  // Read at each alarm: the desk may have changed its districts on the alerts page meanwhile.
  const watched = loadWatchedDistricts();
  const cameraOf = (id: string | null) => (cameras ?? []).find((camera) => camera.id === id);
  const first = pending.find((alert) => watchesArea(watched, cameraOf(alert.camera_id)?.district));
  const done = (changed: Alert) => setPending((current) => nextPending(current, changed).filter((a) => a.id !== changed.id));
  return (
    <>
      <span hidden data-testid="alarm-watch" data-state={status.state} />
      {first ? (
        <AlarmDialog key={first.id} alert={first} camera={cameraOf(first.camera_id)} waiting={pending.length - 1} onDone={done} />
      ) : null}
    </>
  );
}

function AlarmDialog({
  alert,
  camera,
  waiting,
  onDone,
}: {
  alert: Alert;
  camera: Camera | undefined;
  waiting: number;
  onDone: (alert: Alert) => void;
}) {
  const { client, can } = useAuth();
  const navigate = useNavigate();
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === "1");
  const [step, setStep] = useState<"ask" | "dismiss" | "incident">("ask");
  useAlarmSound(!muted && step === "ask");
  const acknowledge = useMutation(() => alertApi.acknowledge(client, alert.id), { onSuccess: onDone });
  const toggleMute = () => {
    localStorage.setItem(MUTE_KEY, muted ? "0" : "1");
    setMuted(!muted);
  };
  if (step === "dismiss")
    return <DismissDialog alert={alert} onDismissed={onDone} onCancel={() => setStep("ask")} />;
  if (step === "incident")
    return (
      <IncidentDialog
        alert={alert}
        onCancel={() => setStep("ask")}
        onCreated={(incident) => {
          onDone({ ...alert, incident_id: incident.id, status: "acknowledged", acknowledged_at: incident.created_at });
          void navigate(`/incidents/${incident.id}`);
        }}
      />
    );
  const { snapshot, crop } = mediaOf(alert);
  return (
    <Modal title={t("alerts.criticalAlarm", { title: alert.title })} description={waiting ? t("alerts.moreCriticalAlarms", { count: waiting }) : undefined} onCancel={() => (muted ? undefined : toggleMute())}>
      <div className="alarm-popup" data-testid="alarm-popup">
        <FactList className="alert-facts" facts={subjectFacts(alert)} />
        <div className="alert-media">
          {alert.camera_id ? <LivePicture cameraId={alert.camera_id} /> : null}
          {snapshot ? <MediaFigure sha256={snapshot} caption={t("alerts.snapshotAtTheAlarm")} /> : null}
          {crop ? <MediaFigure sha256={crop} caption={t("alerts.crop")} /> : null}
        </div>
        {camera && camera.latitude !== null && camera.longitude !== null ? (
          <AlarmPlace camera={{ ...camera, latitude: camera.latitude, longitude: camera.longitude }} />
        ) : null}
        {acknowledge.error ? <FieldError>{acknowledge.error}</FieldError> : null}
        <div className="actions">
          <button type="button" className="btn btn-primary" disabled={acknowledge.busy} onClick={() => void acknowledge.run()}>
            {t("alerts.action.acknowledge")}
          </button>
          {can(Permission.INCIDENTS_MANAGE) && alert.incident_id === null ? (
            <button type="button" className="btn" onClick={() => setStep("incident")}>
              {t("alerts.action.incident")}
            </button>
          ) : null}
          <button type="button" className="btn btn-danger" onClick={() => setStep("dismiss")}>
            {t("alerts.action.dismiss")}
          </button>
          <PlayVideoLink
            cameraId={alert.camera_id}
            moment={alert.first_seen}
            label={t("alerts.preEventRecording")}
            className="btn"
          />
          <button type="button" className="btn btn-quiet" aria-pressed={muted} onClick={toggleMute}>
            {muted ? t("alerts.soundOff") : t("alerts.muteSound")}
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** Where it is: the camera flashing on the city map. */
function AlarmPlace({ camera }: { camera: Camera & { latitude: number; longitude: number } }) {
  const layers = useMemo(
    (): MapLayer[] => [
      {
        id: "alarm-camera",
        label: t("alerts.alarmCamera"),
        toggle: false,
        markers: [
          {
            id: camera.id,
            latitude: camera.latitude,
            longitude: camera.longitude,
            color: "#f85149",
            label: t("alerts.alarmAtCamera", { name: camera.name }),
            selected: true,
            headingDeg: camera.heading_deg,
            fovDeg: camera.fov_deg,
          },
        ],
      },
    ],
    [camera],
  );
  return (
    <CityMap
      layers={layers}
      focus={{ latitude: camera.latitude, longitude: camera.longitude }}
      label={t("alerts.mapTheAlarmS", { name: camera.name })}
      className="map alarm-map"
      testId="alarm-map"
    />
  );
}

/** The camera's latest picture, fetched again every two seconds while the pop-up is open. */
function LivePicture({ cameraId }: { cameraId: string }) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((t) => t + 1), LIVE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);
  const picture = useBlobUrl(`/api/v1/cameras/${encodeURIComponent(cameraId)}/snapshot.jpg`, true, tick);
  return (
    <figure className="media-figure">
      <div className="media-frame">
        {picture.status === "ready" ? (
          <img src={picture.url} alt={t("alerts.livePictureCamera", { cameraId })} />
        ) : (
          <span className="muted">{picture.status === "failed" ? t("alerts.noLivePicture") : t("alerts.loadingLivePicture")}</span>
        )}
      </div>
      <figcaption>{t("alerts.liveCamera", { cameraId })}</figcaption>
    </figure>
  );
}

/** A two-tone alert sound every two seconds while `on` (WebAudio: no file to ship, nothing when unsupported). */
function useAlarmSound(on: boolean) {
  const context = useRef<AudioContext | null>(null);
  useEffect(() => {
    if (!on || typeof window.AudioContext === "undefined") return;
    const audio = (context.current ??= new AudioContext());
    const beep = () => {
      for (const [offset, frequency] of [[0, 880], [0.25, 660]] as const) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        gain.gain.value = 0.15;
        oscillator.frequency.value = frequency;
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(audio.currentTime + offset);
        oscillator.stop(audio.currentTime + offset + 0.2);
      }
    };
    beep();
    const timer = window.setInterval(beep, 2000);
    return () => window.clearInterval(timer);
  }, [on]);
}
