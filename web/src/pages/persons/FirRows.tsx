import { FieldError } from "../../components/FormField";
import { t } from "../../i18n/catalogue";
import type { FirDraft } from "./personDraft";

/** The FIRs naming the person: number and police station per row, rows added and removed freely. */
export function FirRows({
  formId,
  rows,
  error,
  onChange,
}: {
  formId: string;
  rows: readonly FirDraft[];
  error?: string;
  onChange: (rows: FirDraft[]) => void;
}) {
  const update = (index: number, change: Partial<FirDraft>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="wide persons-firs" aria-describedby={error ? `${formId}-firs-error` : undefined}>
      <legend>{t("persons.field.firs")}</legend>
      {rows.map((row, index) => (
        <div key={index} className="persons-fir-row">
          <label>
            {t("persons.fir.number", { n: index + 1 })}
            <input value={row.number} maxLength={64} placeholder={t("persons.fir.numberExample")} onChange={(e) => update(index, { number: e.target.value })} />
          </label>
          <label>
            {t("persons.fir.station", { n: index + 1 })}
            <input value={row.police_station} maxLength={120} onChange={(e) => update(index, { police_station: e.target.value })} />
          </label>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            {t("persons.fir.remove", { n: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { number: "", police_station: "" }])}>
        {t("persons.fir.add")}
      </button>
      {error ? <FieldError id={`${formId}-firs-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}
