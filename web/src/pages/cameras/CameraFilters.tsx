import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { HEALTH_STATES, stateWords, type CameraFilter } from "./health";

interface Props {
  filter: CameraFilter;
  districts: string[];
  onChange: (filter: CameraFilter) => void;
}

export function CameraFilters({ filter, districts, onChange }: Props) {
  const set = <K extends keyof CameraFilter>(key: K, value: CameraFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="filters camera-filters" role="search" aria-label="Filter cameras">
      <FormField id="camera-filter-text" label="Search">
        {(control) => (
          <input
            {...control}
            type="search"
            placeholder="Name, ID, district or zone"
            value={filter.text}
            onChange={(event) => set("text", event.target.value)}
          />
        )}
      </FormField>
      <FormField id="camera-filter-district" label="District">
        {(control) => (
          <ChoiceSelect
            {...control}
            none="All districts"
            values={districts}
            value={filter.district}
            onChange={(district) => set("district", district)}
          />
        )}
      </FormField>
      <FormField id="camera-filter-enabled" label="Status">
        {(control) => (
          <ChoiceSelect<CameraFilter["enabled"]>
            {...control}
            none="Enabled and disabled"
            values={["enabled", "disabled"]}
            label={(enabled) => (enabled === "enabled" ? "Enabled" : "Disabled")}
            value={filter.enabled}
            onChange={(enabled) => set("enabled", enabled)}
          />
        )}
      </FormField>
      <FormField id="camera-filter-health" label="Health">
        {(control) => (
          <ChoiceSelect
            {...control}
            none="Any health"
            values={HEALTH_STATES}
            label={stateWords}
            value={filter.state}
            onChange={(state) => set("state", state)}
          />
        )}
      </FormField>
    </div>
  );
}
