/** The add/edit form's values (text, as typed) and what they become in the API's request. */
import type { CameraCreate, CameraOut, CameraUpdate } from "./types";

export interface CameraFormValues {
  id: string;
  name: string;
  url: string;
  sub_url: string;
  username: string;
  password: string;
  /** Edit only: send `password: null` to remove the stored password. */
  clearPassword: boolean;
  latitude: string;
  longitude: string;
  heading_deg: string;
  fov_deg: string;
  district: string;
  zone: string;
  owner: string;
  enabled: boolean;
  loop: boolean;
  detect_fps: string;
  analytics_profile: string;
  worker: string;
  failover: boolean;
  weight: string;
}

/** Names the server may put in a 422 `loc`, which the form shows beside their field. */
export const FORM_FIELDS = [
  "id",
  "name",
  "url",
  "sub_url",
  "username",
  "password",
  "latitude",
  "longitude",
  "heading_deg",
  "fov_deg",
  "district",
  "zone",
  "owner",
  "enabled",
  "loop",
  "detect_fps",
  "analytics_profile",
  "worker",
  "failover",
  "weight",
] as const;

export const EMPTY_FORM: CameraFormValues = {
  id: "",
  name: "",
  url: "",
  sub_url: "",
  username: "",
  password: "",
  clearPassword: false,
  latitude: "",
  longitude: "",
  heading_deg: "",
  fov_deg: "",
  district: "",
  zone: "",
  owner: "public",
  enabled: true,
  loop: false,
  detect_fps: "5",
  analytics_profile: "default",
  worker: "",
  failover: false,
  weight: "",
};

/** `rtsp://admin:***@host/x` → `rtsp://host/x`: the page never shows credentials inside an address. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^@/?#]*@/, "$1");
}

export function hasCredentials(url: string): boolean {
  return withoutCredentials(url) !== url;
}

export function formOf(camera: CameraOut): CameraFormValues {
  return {
    id: camera.id,
    name: camera.name,
    url: withoutCredentials(camera.url),
    sub_url: camera.sub_url ? withoutCredentials(camera.sub_url) : "",
    username: camera.username ?? "",
    password: "",
    clearPassword: false,
    latitude: camera.latitude === null ? "" : String(camera.latitude),
    longitude: camera.longitude === null ? "" : String(camera.longitude),
    heading_deg: camera.heading_deg == null ? "" : String(camera.heading_deg),
    fov_deg: camera.fov_deg == null ? "" : String(camera.fov_deg),
    district: camera.district ?? "",
    zone: camera.zone ?? "",
    owner: camera.owner,
    enabled: camera.enabled,
    loop: camera.loop,
    detect_fps: String(camera.detect_fps),
    analytics_profile: camera.analytics_profile,
    worker: camera.worker ?? "",
    failover: camera.failover,
    weight: camera.weight === null ? "" : String(camera.weight),
  };
}

function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** Empty → null; anything else is sent as a number (or as the text, so the server names the problem). */
function optionalNumber(value: string): number | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

/** Everything the form holds, as the server's field names. */
function requestOf(values: CameraFormValues): Required<Omit<CameraCreate, "id" | "scene">> {
  return {
    name: values.name.trim(),
    url: values.url.trim(),
    sub_url: optionalText(values.sub_url),
    username: optionalText(values.username),
    password: values.clearPassword ? null : optionalText(values.password),
    latitude: optionalNumber(values.latitude),
    longitude: optionalNumber(values.longitude),
    heading_deg: optionalNumber(values.heading_deg),
    fov_deg: optionalNumber(values.fov_deg),
    district: optionalText(values.district),
    zone: optionalText(values.zone),
    owner: values.owner.trim(),
    enabled: values.enabled,
    loop: values.loop,
    detect_fps: optionalNumber(values.detect_fps) ?? Number.NaN,
    analytics_profile: values.analytics_profile.trim(),
    worker: optionalText(values.worker),
    failover: values.failover,
    weight: optionalNumber(values.weight),
  };
}

/** Client-side checks the browser cannot express: numbers that are not numbers. */
export function localErrors(values: CameraFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const request = requestOf(values);
  for (const field of ["latitude", "longitude", "heading_deg", "fov_deg", "detect_fps", "weight"] as const) {
    if (Number.isNaN(request[field])) errors[field] = "Enter a number.";
  }
  return errors;
}

export function createRequest(values: CameraFormValues): CameraCreate {
  const request: CameraCreate = { id: values.id.trim(), ...requestOf(values) };
  // Optional fields left empty are simply not sent, so the server's defaults apply.
  for (const [key, value] of Object.entries(request)) {
    if (value === null) delete request[key as keyof CameraCreate];
  }
  return request;
}

/** Only what changed; `null` clears an optional field. The password is sent only when typed or cleared. */
export function updateRequest(initial: CameraFormValues, values: CameraFormValues): CameraUpdate {
  const before = requestOf(initial);
  const after = requestOf(values);
  const change: CameraUpdate = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (key === "password") continue;
    if (before[key] !== after[key]) Object.assign(change, { [key]: after[key] });
  }
  if (values.clearPassword) change.password = null;
  else if (after.password) change.password = after.password;
  return change;
}
