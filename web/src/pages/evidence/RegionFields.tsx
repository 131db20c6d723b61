import { useState, type FormEvent } from "react";
import { FormField } from "../../components/FormField";
import { fieldsToRect, type PixelRect, type RectFieldErrors, type RectFields, type Size } from "./geometry";
import { t } from "../../i18n/catalogue";

const EMPTY: RectFields = { x: "", y: "", width: "", height: "" };
const LABELS: Record<keyof RectFields, string> = {
  x: "Left (px)",
  y: "Top (px)",
  width: "Width (px)",
  height: "Height (px)",
};

/** Mark a region by typing its position and size in image pixels: the keyboard way to draw. */
export function RegionFields({ natural, onAdd }: { natural: Size; onAdd: (rect: PixelRect) => void }) {
  const [fields, setFields] = useState<RectFields>(EMPTY);
  const [errors, setErrors] = useState<RectFieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = fieldsToRect(fields, natural);
    if ("errors" in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFields(EMPTY);
    onAdd(result.rect);
  };

  return (
    <form className="region-fields" onSubmit={submit} aria-labelledby="region-fields-title" noValidate>
      <h3 id="region-fields-title">
        {t("evidence.markARegionBy")}{" "}
        <span className="muted">
          {t("evidence.imageIsPx", { width: natural.width, height: natural.height })}
        </span>
      </h3>
      <div className="region-fields-grid">
        {(Object.keys(LABELS) as (keyof RectFields)[]).map((key) => (
          <FormField key={key} id={`region-${key}`} label={LABELS[key]} error={errors[key]}>
            {(control) => (
              <input {...control}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={fields[key]}
                onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
              />
            )}
          </FormField>
        ))}
      </div>
      <button type="submit" className="btn">
        {t("evidence.addRegion")}
      </button>
    </form>
  );
}

export function RegionList({
  regions,
  onRemove,
}: {
  regions: readonly PixelRect[];
  onRemove: (index: number) => void;
}) {
  if (regions.length === 0) return <p className="muted">{t("evidence.noRegionsMarked")}</p>;
  return (
    <ol className="region-list" aria-label={t("evidence.markedRegions")}>
      {regions.map((r, index) => (
        <li key={`${r.x1}-${r.y1}-${r.x2}-${r.y2}-${index}`}>
          {t("evidence.regionLeftTopPx", { number: index + 1, x1: r.x1, y1: r.y1, value: r.x2 - r.x1, value2: r.y2 - r.y1 })}{" "}
          <button type="button" className="btn btn-quiet btn-small" onClick={() => onRemove(index)}>
            {t("evidence.removeRegion", { number: index + 1 })}
          </button>
        </li>
      ))}
    </ol>
  );
}
