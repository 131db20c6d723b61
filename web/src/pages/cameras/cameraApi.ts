import type { ApiClient } from "../../api/client";
import { isValidationBody, validationIssues, type ValidationIssue } from "./apiErrors";
import { cameraPath, CAMERAS_PATH, type CameraOut, type CameraWrite } from "./types";

export type WriteResult = { ok: true; camera: CameraOut } | { ok: false; issues: ValidationIssue[] };

/**
 * POST (new camera) or PATCH (changed fields). A 422 comes back as issues with their field paths; other
 * refusals (403, 404, 409) throw the client's ApiError.
 */
export async function writeCamera(client: ApiClient, change: CameraWrite, existingId?: string): Promise<WriteResult> {
  const answer = await client.request<CameraOut | { detail: unknown }>(
    existingId === undefined ? "POST" : "PATCH",
    existingId === undefined ? CAMERAS_PATH : cameraPath(existingId),
    { body: change, acceptStatus: [422] },
  );
  if (isValidationBody(answer)) return { ok: false, issues: validationIssues(answer) };
  return { ok: true, camera: answer };
}
