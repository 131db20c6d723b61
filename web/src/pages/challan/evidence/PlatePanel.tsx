import { formatConfidence, LOW_CONFIDENCE } from "../labels";
import type { Violation } from "../types";
import { EvidenceImage } from "./EvidenceMedia";
import { groupEvidence } from "./groups";
import { t } from "../../../i18n/catalogue";

/** The plate crop, large enough to read, beside what the camera read and how sure it was. */
export function PlatePanel({ violation }: { violation: Violation }) {
  const { plates } = groupEvidence(violation.evidence ?? []);
  const low = violation.plate_confidence !== null && violation.plate_confidence < LOW_CONFIDENCE;
  return (
    <section className="challan-plate" aria-label={t("challan.evidence.plate")}>
      <div className="challan-plate-crops">
        {plates.length ? (
          plates.map((item) => (
            <EvidenceImage
              key={`${item.kind}-${item.sha256}`}
              item={item}
              className="challan-plate-crop"
              alt={t("challan.evidence.plateCropTheCamera", { plate: violation.plate ?? t("challan.evidence.nothing") })}
            />
          ))
        ) : (
          <p className="muted">{t("challan.evidence.noPlateCropWas")}</p>
        )}
      </div>
      <div className="challan-plate-read">
        <span className="muted">{t("challan.evidence.cameraRead")}</span>
        <span className="challan-plate-text" data-testid="plate-read">
          {violation.plate ?? t("challan.evidence.noPlateRead")}
        </span>
        {violation.plate ? (
          <span className={low ? "challan-low" : "muted"}>
            {low ? t("challan.evidence.lowConfidence") : ""}
            {formatConfidence(violation.plate_confidence)}
          </span>
        ) : null}
        {typeof violation.details.plate_read_by_camera === "string" ? (
          <span className="muted">{t("challan.evidence.correctedByTheOfficer", { plate_read_by_camera: violation.details.plate_read_by_camera })}</span>
        ) : null}
      </div>
    </section>
  );
}
