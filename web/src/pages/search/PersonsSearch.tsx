import { useId, useMemo, useState, type FormEvent } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { FormField } from "../../components/FormField";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { CameraField } from "./CameraField";
import {
  DEFAULT_MIN_SIMILARITY,
  MAX_RESULTS,
  personBody,
  personQuery,
  personSightings,
  validatePersonForm,
  type PersonFormErrors,
  type PersonSearchForm,
} from "./personQuery";
import { PersonResults } from "./PersonResults";
import { PhotoDrop } from "./PhotoDrop";
import { hasErrors } from "./plateQuery";
import { LimitField, ScoreField, SearchActions } from "./SearchFields";
import { searchFailureHandler } from "./searchFailure";
import { toLocalInput } from "./timeRange";
import { TimeRangeFields } from "./TimeRangeFields";
import type { PersonSearchResponse } from "./types";
import { useCameras } from "./useCameras";
import { t } from "../../i18n/catalogue";

const HOUR_MS = 3600 * 1000;
// Time-range messages name their field; a missing track names the track; anything about the upload is the photo's.
const SERVER_FIELDS = {
  since: /\bsince\b/i,
  until: /\buntil\b/i,
  trackId: /\btrack\b/i,
  file: /person|image|file|photo|pixel|byte/i,
} as const;

function initialForm(): PersonSearchForm {
  const now = Date.now();
  return {
    probe: "track",
    cameraId: "",
    trackId: "",
    file: null,
    since: toLocalInput(new Date(now - 24 * HOUR_MS)),
    until: toLocalInput(new Date(now + 60_000)),
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
  const [purposeDialog, askPurpose] = usePurposePrompt();
  const [form, setForm] = useState<PersonSearchForm>(initialForm);
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [result, setResult] = useState<{ response: PersonSearchResponse; generation: number; purpose: Purpose } | null>(null);
  const search = useMutation(
    (searched: PersonSearchForm, purpose: Purpose) =>
      client.POST("/api/v1/persons/search", {
        params: { query: personQuery(searched, purpose) },
        body: personBody(searched) as never, // multipart: the spec describes the form's fields
      }),
    {
      onSuccess: (response, _searched, purpose) => {
        // Person crops are personal data: each is fetched with the search's purpose, which the server audits.
        setResult((previous) => ({ response, generation: (previous?.generation ?? 0) + 1, purpose }));
        const found = response.matches.length;
        setStatus(t("search.matchingTrackOnOther", { found, value: found === 1 ? "" : "s" }));
      },
      onError: searchFailureHandler(SERVER_FIELDS, t("search.personSearch"), {
        setErrors,
        setFormError,
        setStatus,
        fieldMessage: (field, reason) => (field === "file" ? t("search.theServerCouldNot", { reason }) : reason),
      }),
    },
  );
  const id = useId();
  const change = (patch: Partial<PersonSearchForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const sightings = useMemo(() => personSightings(result?.response.matches ?? [], cameras), [result, cameras]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validatePersonForm(form);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      setStatus(t("search.correctTheHighlightedFields"));
      return;
    }
    const what = form.probe === "photo" && form.file ? form.file.name : `track ${form.trackId} of ${cameraName(form.cameraId)}`;
    const purpose = await askPurpose(t("search.personSearchWith", { what }));
    if (!purpose) {
      setStatus(t("search.searchCancelledNoPurpose"));
      return;
    }
    setStatus(t("search.searchingPersonTracks"));
    await search.run(form, purpose);
  };

  return (
    <div className="search-panel">
      {purposeDialog}
      <form className="card form-grid" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("search.findThisPerson")}</h2>
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
        <SearchActions label={t("search.findThisPerson")} busy={search.busy} error={formError} />
      </form>
      <p className="state" role="status" data-testid="person-status">
        {status}
      </p>
      {result ? (
        <PersonResults key={result.generation} sightings={sightings} cameraName={cameraName} purpose={result.purpose} />
      ) : null}
    </div>
  );
}
