import { ApiError, type ApiClient } from "../../api/client";
import { validationIssues, type ValidationIssue } from "./apiErrors";
import { cameraPath, CAMERAS_PATH, type CameraOut, type CameraWrite } from "./types";

export type WriteResult = { ok: true; camera: CameraOut } | { ok: false; issues: ValidationIssue[] };

/**
 * POST (new camera) or PATCH (changed fields). A 422 comes back as issues with their field paths; other
 * refusals (403, 404, 409) throw the client's ApiError.
 */
export async function writeCamera(client: ApiClient, change: CameraWrite, existingId?: string): Promise<WriteResult> {
  try {
    const camera = await client.request<CameraOut>(
      existingId === undefined ? "POST" : "PATCH",
      existingId === undefined ? CAMERAS_PATH : cameraPath(existingId),
      { body: change },
    );
    return { ok: true, camera };
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 422) return { ok: false, issues: validationIssues(caught) };
    throw caught;
  }
}
