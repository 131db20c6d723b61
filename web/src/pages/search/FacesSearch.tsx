import { useId, useState, type FormEvent } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { CameraField } from "./CameraField";
import {
  aboveThreshold,
  DEFAULT_MIN_SCORE,
  forensicQuery,
  MAX_RESULTS,
  validateFaceForm,
  type FaceFormErrors,
  type FaceSearchForm,
} from "./faceQuery";
import { FaceResults } from "./FaceResults";
import { PhotoDrop } from "./PhotoDrop";
import { hasErrors } from "./plateQuery";
import { LimitField, ScoreField, SearchActions } from "./SearchFields";
import { searchFailureHandler } from "./searchFailure";
import { toLocalInput } from "./timeRange";
import { TimeRangeFields } from "./TimeRangeFields";
import type { ForensicResponse } from "./types";
import { useCameras } from "./useCameras";
import { t } from "../../i18n/catalogue";

const DAY_MS = 24 * 3600 * 1000;
// Checked in order: time-range messages name their field; anything else about the upload belongs to the photo.
const SERVER_FIELDS = { since: /\bsince\b/i, until: /\buntil\b/i, file: /face|image|file|photo|pixel|byte/i } as const;

function initialForm(): FaceSearchForm {
  const now = Date.now();
  return {
    file: null,
    cameraId: "",
    since: toLocalInput(new Date(now - 7 * DAY_MS)),
    until: toLocalInput(new Date(now + 60_000)),
    limit: "50",
    minScore: DEFAULT_MIN_SCORE,
  };
}

/** Forensic face search: where has this face been seen? Upload → purpose prompt → ranked stored sightings. */
export function FacesSearch() {
  const { client } = useAuth();
  const { cameras, cameraName } = useCameras();
  const [purposeDialog, askPurpose] = usePurposePrompt();
  const [form, setForm] = useState<FaceSearchForm>(initialForm);
  const [errors, setErrors] = useState<FaceFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [result, setResult] = useState<{
    response: ForensicResponse;
    minScore: number;
    generation: number;
    purpose: Purpose;
  } | null>(null);
  const search = useMutation(
    (searched: FaceSearchForm & { file: File }, purpose: Purpose) => {
      const upload = new FormData();
      upload.append("file", searched.file, searched.file.name);
      return client.POST("/api/v1/faces/forensic", {
        params: { query: forensicQuery(searched, purpose) },
        body: upload as never, // multipart: the spec describes the form's fields
      });
    },
    {
      onSuccess: (response, searched, purpose) => {
        const minScore = Number(searched.minScore);
        setResult((previous) => ({ response, minScore, generation: (previous?.generation ?? 0) + 1, purpose }));
        const shown = aboveThreshold(response.sightings, minScore).length;
        setStatus(t("search.faceSightingFound", { shown, value: shown === 1 ? "" : "s" }));
      },
      onError: searchFailureHandler(SERVER_FIELDS, t("search.faceSearch"), {
        setErrors,
        setFormError,
        setStatus,
        fieldMessage: (field, reason) => (field === "file" ? t("search.theServerCouldNot", { reason }) : reason),
      }),
    },
  );
  const busy = search.busy;
  const id = useId();
  const change = (patch: Partial<FaceSearchForm>) => setForm((previous) => ({ ...previous, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateFaceForm(form);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found) || !form.file) {
      setStatus(t("search.correctTheHighlightedFields"));
      return;
    }
    const purpose = await askPurpose(t("search.faceSearchWith", { name: form.file.name }));
    if (!purpose) {
      setStatus(t("search.searchCancelledNoPurpose"));
      return;
    }
    setStatus(t("search.searchingStoredFacesFinding"));
    await search.run({ ...form, file: form.file }, purpose);
  };

  const shown = result ? aboveThreshold(result.response.sightings, result.minScore) : [];
  return (
    <div className="search-panel">
      {purposeDialog}
      <form className="card form-grid" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("search.searchStoredFaces")}</h2>
        <PhotoDrop id="face-photo" file={form.file} error={errors.file} onFile={(file) => change({ file })} />
        <CameraField id="face-camera" cameras={cameras} value={form.cameraId} error={errors.cameraId} onChange={(cameraId) => change({ cameraId })} />
        <TimeRangeFields idPrefix="face" since={form.since} until={form.until} errors={errors} required onChange={change} />
        <LimitField id="face-limit" max={MAX_RESULTS} value={form.limit} error={errors.limit} onChange={(limit) => change({ limit })} />
        <ScoreField
          id="face-threshold"
          label={t("search.minimumScore01")}
          hint={t("search.n05IsThe")}
          value={form.minScore}
          error={errors.minScore}
          onChange={(minScore) => change({ minScore })}
        />
        <SearchActions label={t("search.searchFaces")} busy={busy} error={formError} />
      </form>
      <p className="state" role="status" data-testid="face-status">
        {status}
      </p>
      {result ? (
        <FaceResults
          key={result.generation}
          sightings={shown}
          hiddenBelowThreshold={result.response.sightings.length - shown.length}
          cameraName={cameraName}
          purpose={result.purpose}
        />
      ) : null}
    </div>
  );
}
