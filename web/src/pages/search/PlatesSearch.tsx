import { useState } from "react";
import { useAuth } from "../../auth/AuthContext";
import { usePurposePrompt, type Purpose } from "../../components/PurposeDialog";
import { describeError, fieldOfError, reasonOf } from "../../api/errors";
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
import { TrajectoryPanel } from "./TrajectoryPanel";
import type { PlateReadsResponse } from "./types";
import { useCameras } from "./useCameras";

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
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [trajectoryPlate, setTrajectoryPlate] = useState<string | null>(null);

  const search = async (form: Form) => {
    const found = validatePlateForm(form);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) {
      setStatus("Correct the highlighted fields.");
      return;
    }
    const purpose = await askPurpose(describePlateSearch(form, cameraName));
    if (!purpose) {
      setStatus("Search cancelled: no purpose was given, so nothing was searched.");
      return;
    }
    setBusy(true);
    setStatus("Searching plate reads…");
    try {
      const response = await client.GET("/api/v1/plates/reads", { params: { query: readsQuery(form, purpose) } });
      setDone((previous) => ({ form, purpose, response, generation: (previous?.generation ?? 0) + 1 }));
      setTrajectoryPlate(null);
      setStatus(`${response.count} plate read${response.count === 1 ? "" : "s"} found.`);
    } catch (caught) {
      const field = fieldOfError(caught, SERVER_FIELDS);
      const message = field ? reasonOf(caught) : describeError(caught, { unavailable: "Plate search" });
      if (field) setErrors({ [field]: message });
      else setFormError(message);
      setStatus("The search failed.");
    } finally {
      setBusy(false);
    }
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
