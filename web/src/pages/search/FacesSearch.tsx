import { useAuth } from "../../auth/AuthContext";
import type { Purpose } from "../../components/PurposeDialog";
import {
  aboveThreshold,
  DEFAULT_MIN_SCORE,
  forensicQuery,
  MAX_RESULTS,
  validateFaceForm,
  type FaceSearchForm,
} from "./faceQuery";
import { FaceResults } from "./FaceResults";
import { PhotoDrop } from "./PhotoDrop";
import { LimitField, ScoreField, SearchActions, SearchForm, SearchStatus } from "./SearchFields";
import { photoFieldMessage } from "./searchFailure";
import { recentScope } from "./timeRange";
import { ScopeFields } from "./TimeRangeFields";
import { useCameras } from "./useCameras";
import { usePurposeSearch } from "./usePurposeSearch";
import { useSearchForm } from "./useSearchForm";
import { t } from "../../i18n/catalogue";

// Checked in order: time-range messages name their field; anything else about the upload belongs to the photo.
const SERVER_FIELDS = { since: /\bsince\b/i, until: /\buntil\b/i, file: /face|image|file|photo|pixel|byte/i } as const;

function initialForm(): FaceSearchForm {
  return {
    ...recentScope(7 * 24),
    file: null,
    limit: "50",
    minScore: DEFAULT_MIN_SCORE,
  };
}

/** Forensic face search: where has this face been seen? Upload → purpose prompt → ranked stored sightings. */
export function FacesSearch() {
  const { client } = useAuth();
  const { cameras, cameraName } = useCameras();
  const { purposeDialog, errors, formError, status, done, busy, search } = usePurposeSearch({
    validate: validateFaceForm,
    describe: (searched: FaceSearchForm) => t("search.faceSearchWith", { name: searched.file?.name ?? "" }),
    request: (searched: FaceSearchForm, purpose: Purpose) => {
      const upload = new FormData();
      if (searched.file) upload.append("file", searched.file, searched.file.name);
      return client.POST("/api/v1/faces/forensic", {
        params: { query: forensicQuery(searched, purpose) },
        body: upload as never, // multipart: the spec describes the form's fields
      });
    },
    searching: t("search.searchingStoredFacesFinding"),
    found: (response, searched) => {
      const shown = aboveThreshold(response.sightings, Number(searched.minScore)).length;
      return t("search.faceSightingFound", { shown, value: shown === 1 ? "" : "s" });
    },
    serverFields: SERVER_FIELDS,
    searchName: t("search.faceSearch"),
    fieldMessage: photoFieldMessage,
  });
  const { form, change, submit } = useSearchForm(initialForm, (searched) => void search(searched));

  const shown = done ? aboveThreshold(done.response.sightings, Number(done.form.minScore)) : [];
  return (
    <div className="search-panel">
      {purposeDialog}
      <SearchForm title={t("search.searchStoredFaces")} onSubmit={submit}>
        <PhotoDrop id="face-photo" file={form.file} error={errors.file} onFile={(file) => change({ file })} />
        <ScopeFields idPrefix="face" cameras={cameras} scope={form} errors={errors} required onChange={change} />
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
      </SearchForm>
      <SearchStatus testId="face-status" status={status} />
      {done ? (
        <FaceResults
          key={done.generation}
          sightings={shown}
          hiddenBelowThreshold={done.response.sightings.length - shown.length}
          cameraName={cameraName}
          purpose={done.purpose}
        />
      ) : null}
    </div>
  );
}
