import type { Violation } from "../types";
import { EvidenceClip, EvidenceImage } from "./EvidenceMedia";
import { clipStatusText, groupEvidence } from "./groups";
import { t } from "../../../i18n/catalogue";

/** Context frames and the clip of one violation (the plate crop is shown by the plate panel). */
export function EvidenceGallery({ violation, headingLevel = 3 }: { violation: Violation; headingLevel?: 2 | 3 }) {
  const { frames, clips } = groupEvidence(violation.evidence ?? []);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-label={t("challan.evidence.evidence")} className="challan-evidence">
      <Heading>{t("challan.evidence.evidenceFrames")}</Heading>
      {frames.length ? (
        <div className="challan-frames">
          {frames.map((frame) => (
            <EvidenceImage key={frame.item.sha256} item={frame.item} kinds={frame.kinds} />
          ))}
        </div>
      ) : (
        <p className="muted">{t("challan.evidence.noContextFramesWere")}</p>
      )}
      <Heading>{t("challan.evidence.clip")}</Heading>
      {clips.map((item) => (
        <EvidenceClip key={item.sha256} item={item} />
      ))}
      {clips.length === 0 || violation.clip_reason ? <p className="muted">{clipStatusText(violation)}</p> : null}
    </section>
  );
}
