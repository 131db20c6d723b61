import { formatConfidence, LOW_CONFIDENCE } from "../labels";
import type { Violation } from "../types";
import { EvidenceImage } from "./EvidenceMedia";
import { groupEvidence } from "./groups";

/** The plate crop, large enough to read, beside what the camera read and how sure it was. */
export function PlatePanel({ violation }: { violation: Violation }) {
  const { plates } = groupEvidence(violation.evidence ?? []);
  const low = violation.plate_confidence !== null && violation.plate_confidence < LOW_CONFIDENCE;
  return (
    <section className="challan-plate" aria-label="Plate">
      <div className="challan-plate-crops">
        {plates.length ? (
          plates.map((item) => (
            <EvidenceImage
              key={`${item.kind}-${item.sha256}`}
              item={item}
              className="challan-plate-crop"
              alt={`Plate crop; the camera read ${violation.plate ?? "nothing"}`}
            />
          ))
        ) : (
          <p className="muted">No plate crop was stored.</p>
        )}
      </div>
      <div className="challan-plate-read">
        <span className="muted">Camera read</span>
        <span className="challan-plate-text" data-testid="plate-read">
          {violation.plate ?? "No plate read"}
        </span>
        {violation.plate ? (
          <span className={low ? "challan-low" : "muted"}>
            {low ? "⚠ Low confidence: " : ""}
            {formatConfidence(violation.plate_confidence)}
          </span>
        ) : null}
        {typeof violation.details.plate_read_by_camera === "string" ? (
          <span className="muted">Corrected by the officer; the camera read {violation.details.plate_read_by_camera}</span>
        ) : null}
      </div>
    </section>
  );
}
