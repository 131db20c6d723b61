import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { HEALTH_STATES, stateWords, type CameraFilter } from "./health";
import { t } from "../../i18n/catalogue";

interface Props {
  filter: CameraFilter;
  districts: string[];
  onChange: (filter: CameraFilter) => void;
}

export function CameraFilters({ filter, districts, onChange }: Props) {
  const set = <K extends keyof CameraFilter>(key: K, value: CameraFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="filters camera-filters" role="search" aria-label={t("cameras.filterCameras")}>
      <FormField id="camera-filter-text" label={t("cameras.search")}>
        {(control) => (
          <input
            {...control}
            type="search"
            placeholder={t("cameras.nameIdDistrictOr")}
            value={filter.text}
            onChange={(event) => set("text", event.target.value)}
          />
        )}
      </FormField>
      <FormField id="camera-filter-district" label={t("cameras.district")}>
        {(control) => (
          <ChoiceSelect
            {...control}
            none={t("cameras.allDistricts")}
            values={districts}
            value={filter.district}
            onChange={(district) => set("district", district)}
          />
        )}
      </FormField>
      <FormField id="camera-filter-enabled" label={t("cameras.status")}>
        {(control) => (
          <ChoiceSelect<CameraFilter["enabled"]>
            {...control}
            none={t("cameras.enabledAndDisabled")}
            values={["enabled", "disabled"]}
            label={(enabled) => (enabled === "enabled" ? t("cameras.enabled") : t("cameras.disabled"))}
            value={filter.enabled}
            onChange={(enabled) => set("enabled", enabled)}
          />
        )}
      </FormField>
      <FormField id="camera-filter-health" label={t("cameras.health")}>
        {(control) => (
          <ChoiceSelect
            {...control}
            none={t("cameras.anyHealth")}
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
