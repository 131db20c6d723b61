import { useState } from "react";
import { useCameraRegistry } from "../../api/useCameraRegistry";
import { districtsOf, loadWatchedDistricts, saveWatchedDistricts } from "./alarmArea";
import { t } from "../../i18n/catalogue";

/** "Pop-ups on this console for": the districts this desk watches (none ticked: the whole city). */
export function AlarmAreaPicker() {
  const { cameras } = useCameraRegistry();
  const [watched, setWatched] = useState(loadWatchedDistricts);
  const districts = districtsOf(cameras ?? []);
  if (districts.length < 2) return null;
  const toggle = (district: string) => {
    const next = watched.includes(district) ? watched.filter((d) => d !== district) : [...watched, district];
    saveWatchedDistricts(next);
    setWatched(next);
  };
  return (
    <fieldset className="alarm-area" data-testid="alarm-area">
      <legend>
        {t("alerts.criticalPopUpsOn", { value: watched.length ? t("alerts.districtCount", { count: watched.length }) : t("alerts.theWholeCity") })}
      </legend>
      {districts.map((district) => (
        <label key={district} className="checkbox">
          <input type="checkbox" checked={watched.includes(district)} onChange={() => toggle(district)} /> {district}
        </label>
      ))}
    </fieldset>
  );
}
