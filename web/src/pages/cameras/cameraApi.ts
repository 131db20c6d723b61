import { ApiError, type ApiClient } from "../../api/client";
import { validationIssues, type ValidationIssue } from "./apiErrors";
import type { Schemas } from "../../api/schemas";
import type { CameraOut, CameraWrite } from "./types";

export type WriteResult = { ok: true; camera: CameraOut } | { ok: false; issues: ValidationIssue[] };

/**
 * POST (new camera) or PATCH (changed fields). A 422 comes back as issues with their field paths; other
 * refusals (403, 404, 409) throw the client's ApiError.
 */
export async function writeCamera(client: ApiClient, change: CameraWrite, existingId?: string): Promise<WriteResult> {
  try {
    // The form's requests carry CameraCreate's fields (createRequest fills the required ones) or
    // CameraUpdate's; the scene goes as the editor built it and the server validates it.
    const camera =
      existingId === undefined
        ? await client.POST("/api/v1/cameras", { body: change as Schemas["CameraCreate"] })
        : await client.PATCH("/api/v1/cameras/{camera_id}", {
            params: { path: { camera_id: existingId } },
            body: change as Schemas["CameraUpdate"],
          });
    return { ok: true, camera };
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 422) return { ok: false, issues: validationIssues(caught) };
    throw caught;
  }
}
