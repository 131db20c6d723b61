import type { Violation } from "../types";
import { EvidenceClip, EvidenceImage } from "./EvidenceMedia";
import { clipStatusText, groupEvidence } from "./groups";

/** Context frames and the clip of one violation (the plate crop is shown by the plate panel). */
export function EvidenceGallery({ violation, headingLevel = 3 }: { violation: Violation; headingLevel?: 2 | 3 }) {
  const { frames, clips } = groupEvidence(violation.evidence ?? []);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-label="Evidence" className="challan-evidence">
      <Heading>Evidence frames</Heading>
      {frames.length ? (
        <div className="challan-frames">
          {frames.map((frame) => (
            <EvidenceImage key={frame.item.sha256} item={frame.item} kinds={frame.kinds} />
          ))}
        </div>
      ) : (
        <p className="muted">No context frames were stored for this violation.</p>
      )}
      <Heading>Clip</Heading>
      {clips.map((item) => (
        <EvidenceClip key={item.sha256} item={item} />
      ))}
      {clips.length === 0 || violation.clip_reason ? <p className="muted">{clipStatusText(violation)}</p> : null}
    </section>
  );
}
