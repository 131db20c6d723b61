import { useMemo } from "react";
import { useAuth } from "../../auth/AuthContext";
import { FormField } from "../../components/FormField";
import type { Purpose } from "../../components/PurposeDialog";
import { CameraField } from "./CameraField";
import {
  DEFAULT_MIN_SIMILARITY,
  MAX_RESULTS,
  personBody,
  personQuery,
  personSightings,
  validatePersonForm,
  type PersonSearchForm,
} from "./personQuery";
import { PersonResults } from "./PersonResults";
import { PhotoDrop } from "./PhotoDrop";
import { LimitField, ScoreField, SearchActions, SearchForm, SearchStatus } from "./SearchFields";
import { photoFieldMessage } from "./searchFailure";
import { recentScope } from "./timeRange";
import { TimeRangeFields } from "./TimeRangeFields";
import { useCameras } from "./useCameras";
import { usePurposeSearch } from "./usePurposeSearch";
import { useSearchForm } from "./useSearchForm";
import { t } from "../../i18n/catalogue";

// Time-range messages name their field; a missing track names the track; anything about the upload is the photo's.
const SERVER_FIELDS = {
  since: /\bsince\b/i,
  until: /\buntil\b/i,
  trackId: /\btrack\b/i,
  file: /person|image|file|photo|pixel|byte/i,
} as const;

function initialForm(): PersonSearchForm {
  return {
    ...recentScope(24),
    probe: "track",
    trackId: "",
    file: null,
    limit: "20",
    minSimilarity: DEFAULT_MIN_SIMILARITY,
    neighboursOnly: false,
  };
}

/** "Find this person": a stored track (camera + track id) or a photo → purpose → the person's tracks on other
 * cameras, ranked, with their snapshots, and on the map in time order. */
export function PersonsSearch() {
  const { client } = useAuth();
  const { cameras, cameraName } = useCameras();
  // Person crops are personal data: each is fetched with the search's purpose (done.purpose), which the server audits.
  const { purposeDialog, errors, formError, status, done, busy, search } = usePurposeSearch({
    validate: validatePersonForm,
    describe: (searched: PersonSearchForm) =>
      t("search.personSearchWith", {
        what: searched.probe === "photo" && searched.file ? searched.file.name : `track ${searched.trackId} of ${cameraName(searched.cameraId)}`,
      }),
    request: (searched: PersonSearchForm, purpose: Purpose) =>
      client.POST("/api/v1/persons/search", {
        params: { query: personQuery(searched, purpose) },
        body: personBody(searched) as never, // multipart: the spec describes the form's fields
      }),
    searching: t("search.searchingPersonTracks"),
    found: (response) => {
      const found = response.matches.length;
      return t("search.matchingTrackOnOther", { found, value: found === 1 ? "" : "s" });
    },
    serverFields: SERVER_FIELDS,
    searchName: t("search.personSearch"),
    fieldMessage: photoFieldMessage,
  });
  const { form, change, submit } = useSearchForm(initialForm, (searched) => void search(searched));
  const sightings = useMemo(() => personSightings(done?.response.matches ?? [], cameras), [done, cameras]);

  return (
    <div className="search-panel">
      {purposeDialog}
      <SearchForm title={t("search.findThisPerson")} onSubmit={submit}>
        <fieldset className="probe-kind">
          <legend>{t("search.searchWith")}</legend>
          <label>
            <input type="radio" name="person-probe" checked={form.probe === "track"} onChange={() => change({ probe: "track" })} />{" "}{t("search.aTrackedPerson")}
          </label>
          <label>
            <input type="radio" name="person-probe" checked={form.probe === "photo"} onChange={() => change({ probe: "photo" })} />{" "}{t("search.aPhoto")}
          </label>
        </fieldset>
        {form.probe === "track" ? (
          <>
            <CameraField id="person-camera" cameras={cameras} value={form.cameraId} error={errors.cameraId} onChange={(cameraId) => change({ cameraId })} />
            <FormField id="person-track" label={t("search.trackIdFromThe")} error={errors.trackId}>
              {(control) => <input value={form.trackId} onChange={(e) => change({ trackId: e.target.value })} {...control} />}
            </FormField>
          </>
        ) : (
          <PhotoDrop id="person-photo" file={form.file} error={errors.file} onFile={(file) => change({ file })} />
        )}
        <TimeRangeFields idPrefix="person" since={form.since} until={form.until} errors={errors} required onChange={change} />
        <LimitField id="person-limit" max={MAX_RESULTS} value={form.limit} error={errors.limit} onChange={(limit) => change({ limit })} />
        <ScoreField
          id="person-similarity"
          label={t("search.minimumSimilarity01")}
          hint={t("search.samePerson07")}
          value={form.minSimilarity}
          error={errors.minSimilarity}
          onChange={(minSimilarity) => change({ minSimilarity })}
        />
        <label className="checkbox">
          <input type="checkbox" checked={form.neighboursOnly} onChange={(e) => change({ neighboursOnly: e.target.checked })} />{" "}{t("search.onlyNeighbouringCamerasCamera")}
        </label>
        <SearchActions label={t("search.findThisPerson")} busy={busy} error={formError} />
      </SearchForm>
      <SearchStatus testId="person-status" status={status} />
      {done ? (
        <PersonResults key={done.generation} sightings={sightings} cameraName={cameraName} purpose={done.purpose} />
      ) : null}
    </div>
  );
}
