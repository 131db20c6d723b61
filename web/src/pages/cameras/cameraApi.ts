import { ApiError, type ApiClient } from "../../api/client";
import { validationIssues, type ValidationIssue } from "./apiErrors";
import type { CameraCreate, CameraOut, CameraUpdate } from "./types";

export type WriteResult = { ok: true; camera: CameraOut } | { ok: false; issues: ValidationIssue[] };

export const createCamera = (client: ApiClient, camera: CameraCreate): Promise<WriteResult> =>
  written(client.POST("/api/v1/cameras", { body: camera }));

export const updateCamera = (client: ApiClient, id: string, change: CameraUpdate): Promise<WriteResult> =>
  written(client.PATCH("/api/v1/cameras/{camera_id}", { params: { path: { camera_id: id } }, body: change }));

/** A 422 comes back as issues with their field paths; other refusals (403, 404, 409) throw the ApiError. */
async function written(call: Promise<CameraOut>): Promise<WriteResult> {
  try {
    return { ok: true, camera: await call };
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 422) return { ok: false, issues: validationIssues(caught) };
    throw caught;
  }
}
