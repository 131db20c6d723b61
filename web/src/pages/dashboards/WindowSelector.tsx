import { WINDOW_CHOICES, type WindowChoiceId } from "./timeWindow";
import { t } from "../../i18n/catalogue";

/** Radio buttons (arrow keys move between them) drawn as a segmented control. */
export function WindowSelector({ value, onChange }: { value: WindowChoiceId; onChange: (choice: WindowChoiceId) => void }) {
  return (
    <fieldset className="dash-window">
      <legend className="visually-hidden">{t("dashboards.timeWindow")}</legend>
      {WINDOW_CHOICES.map((choice) => (
        <label key={choice.id} className={choice.id === value ? "dash-window-option dash-window-selected" : "dash-window-option"}>
          <input
            type="radio"
            name="dashboard-window"
            value={choice.id}
            checked={choice.id === value}
            onChange={() => onChange(choice.id)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
