import { useState } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import {
  describePlateSearch,
  hasErrors,
  readsQuery,
  validatePlateForm,
  type PlateFormErrors,
  type PlateSearchForm as Form,
} from "./plateQuery";
import { PlateResults } from "./PlateResults";
import { PlateSearchForm } from "./PlateSearchForm";
import { searchFailureHandler } from "./searchFailure";
import { TrajectoryPanel } from "./TrajectoryPanel";
import type { PlateReadsResponse } from "./types";
import { useCameras } from "./useCameras";
import { t } from "../../i18n/catalogue";

interface Done {
  form: Form;
  purpose: Purpose;
  response: PlateReadsResponse;
  /** Changes with every search so the results start again at page 1. */
  generation: number;
}

const SERVER_FIELDS = { plate: /plate/i, since: /\bsince\b/i, until: /\buntil\b/i } as const;

/** Plate search: form → purpose prompt → stored reads → a vehicle's trajectory on a map. */
export function PlatesSearch() {
  const { client } = useAuth();
  const { cameras, cameraName } = useCameras();
  const [purposeDialog, askPurpose] = usePurposePrompt();
  const [errors, setErrors] = useState<PlateFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [done, setDone] = useState<Done | null>(null);
  const [trajectoryPlate, setTrajectoryPlate] = useState<string | null>(null);
  const reads = useMutation(
    (form: Form, purpose: Purpose) => client.GET("/api/v1/plates/reads", { params: { query: readsQuery(form, purpose) } }),
    {
      onSuccess: (response, form, purpose) => {
        setDone((previous) => ({ form, purpose, response, generation: (previous?.generation ?? 0) + 1 }));
        setTrajectoryPlate(null);
        setStatus(t("search.plateReadFound", { count: response.count, value: response.count === 1 ? "" : "s" }));
      },
      onError: searchFailureHandler(SERVER_FIELDS, t("search.plateSearch2"), { setErrors, setFormError, setStatus }),
    },
  );
  const busy = reads.busy;

  const search = async (form: Form) => {
    const found = validatePlateForm(form);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      setStatus(t("search.correctTheHighlightedFields"));
      return;
    }
    const purpose = await askPurpose(describePlateSearch(form, cameraName));
    if (!purpose) {
      setStatus(t("search.searchCancelledNoPurpose"));
      return;
    }
    setStatus(t("search.searchingPlateReads"));
    await reads.run(form, purpose);
  };

  return (
    <div className="search-panel">
      {purposeDialog}
      <PlateSearchForm cameras={cameras} errors={errors} formError={formError} busy={busy} onSearch={(form) => void search(form)} />
      <p className="state" role="status" data-testid="plate-status">
        {status}
      </p>
      {done && trajectoryPlate ? (
        <TrajectoryPanel
          plate={trajectoryPlate}
          form={done.form}
          purpose={done.purpose}
          cameraName={cameraName}
          onClose={() => setTrajectoryPlate(null)}
        />
      ) : null}
      {done ? (
        <PlateResults
          key={done.generation}
          reads={done.response.reads}
          limit={done.response.limit}
          cameraName={cameraName}
          onShowTrajectory={setTrajectoryPlate}
        />
      ) : null}
    </div>
  );
}
