import { ChoiceField } from "../../components/ChoiceField";
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
      <ChoiceField
        id="camera-filter-district"
        label={t("cameras.district")}
        none={t("cameras.allDistricts")}
        values={districts}
        value={filter.district}
        onChange={(district) => set("district", district)}
      />
      <ChoiceField<CameraFilter["enabled"]>
        id="camera-filter-enabled"
        label={t("cameras.status")}
        none={t("cameras.enabledAndDisabled")}
        values={["enabled", "disabled"]}
        optionLabel={(enabled) => (enabled === "enabled" ? t("cameras.enabled") : t("cameras.disabled"))}
        value={filter.enabled}
        onChange={(enabled) => set("enabled", enabled)}
      />
      <ChoiceField
        id="camera-filter-health"
        label={t("cameras.health")}
        none={t("cameras.anyHealth")}
        values={HEALTH_STATES}
        optionLabel={stateWords}
        value={filter.state}
        onChange={(state) => set("state", state)}
      />
    </div>
  );
}
