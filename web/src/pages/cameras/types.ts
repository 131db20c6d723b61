/** The camera API's shapes, from the API's schema (src/safecity/cameras/schemas.py). */
import type { Schemas } from "../../api/schemas";

/** A camera; credentials in its URLs are masked by the server (`rtsp://user:***@host/...`). */
export type CameraOut = Schemas["CameraOut"];
export type UptimeDayOut = Schemas["UptimeDayOut"];
export type UptimeOut = Schemas["UptimeOut"];

/** A new camera's fields; those left out take the server's defaults. */
export type CameraCreate = Schemas["CameraCreate"];
/** A camera's changed fields; `null` clears an optional one. */
export type CameraUpdate = Schemas["CameraUpdate"];
