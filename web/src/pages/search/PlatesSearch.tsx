import { useState } from "react";
import { useAuth } from "../../auth/AuthContext";
import type { Purpose } from "../../components/PurposeDialog";
import {
  describePlateSearch,
  readsQuery,
  validatePlateForm,
  type PlateSearchForm as Form,
} from "./plateQuery";
import { PlateResults } from "./PlateResults";
import { PlateSearchForm } from "./PlateSearchForm";
import { TrajectoryPanel } from "./TrajectoryPanel";
import { useCameras } from "./useCameras";
import { usePurposeSearch } from "./usePurposeSearch";
import { SearchStatus } from "./SearchFields";
import { t } from "../../i18n/catalogue";

const SERVER_FIELDS = { plate: /plate/i, since: /\bsince\b/i, until: /\buntil\b/i } as const;

/** Plate search: form → purpose prompt → stored reads → a vehicle's trajectory on a map. */
export function PlatesSearch() {
  const { client } = useAuth();
  const { cameras, cameraName } = useCameras();
  const [trajectoryPlate, setTrajectoryPlate] = useState<string | null>(null);
  const { purposeDialog, errors, formError, status, done, busy, search } = usePurposeSearch({
    validate: validatePlateForm,
    describe: (form: Form) => describePlateSearch(form, cameraName),
    request: (form: Form, purpose: Purpose) => client.GET("/api/v1/plates/reads", { params: { query: readsQuery(form, purpose) } }),
    searching: t("search.searchingPlateReads"),
    found: (response) => t("search.plateReadFound", { count: response.count, value: response.count === 1 ? "" : "s" }),
    onFound: () => setTrajectoryPlate(null),
    serverFields: SERVER_FIELDS,
    searchName: t("search.plateSearch2"),
  });

  return (
    <div className="search-panel">
      {purposeDialog}
      <PlateSearchForm cameras={cameras} errors={errors} formError={formError} busy={busy} onSearch={(form) => void search(form)} />
      <SearchStatus testId="plate-status" status={status} />
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
