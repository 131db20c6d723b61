import type { Evidence, Violation } from "../types";
import { t } from "../../../i18n/catalogue";

const PLATE_KINDS = ["plate_crop", "entry_plate_crop", "exit_plate_crop"];
// The order the ticket PDF uses (PDF_ORDER in src/safecity/challan/evidence.py), plate crops apart.
const FRAME_ORDER = ["context_before", "snapshot", "context_at", "context_after", "vehicle_crop", "plate_snapshot"];

/** One stored image, with every role it plays (the same frame is often the snapshot and the context). */
export interface Frame {
  item: Evidence;
  kinds: string[];
}

export interface EvidenceGroups {
  plates: Evidence[];
  frames: Frame[];
  clips: Evidence[];
}

function rank(kind: string): number {
  const index = FRAME_ORDER.indexOf(kind);
  return index === -1 ? FRAME_ORDER.length : index;
}

/** Plate crops (shown large beside the read text), context frames in time order, and clips. */
export function groupEvidence(evidence: readonly Evidence[]): EvidenceGroups {
  return {
    plates: evidence.filter((item) => PLATE_KINDS.includes(item.kind)),
    frames: framesOf(evidence.filter((item) => !PLATE_KINDS.includes(item.kind) && item.kind !== "clip")),
    clips: evidence.filter((item) => item.kind === "clip"),
  };
}

function framesOf(items: readonly Evidence[]): Frame[] {
  const bySha = new Map<string, Frame>();
  for (const item of [...items].sort((a, b) => rank(a.kind) - rank(b.kind))) {
    const frame = bySha.get(item.sha256);
    if (frame) frame.kinds.push(item.kind);
    else bySha.set(item.sha256, { item, kinds: [item.kind] });
  }
  return [...bySha.values()];
}

/** Where the clip stands when none is attached yet, in words. */
export function clipStatusText(violation: Pick<Violation, "clip_status" | "clip_reason">): string {
  switch (violation.clip_status) {
    case "pending":
      return t("challan.evidence.clipPendingTheRecording");
    case "unavailable":
      return t("challan.evidence.noClip", { reason: violation.clip_reason ?? t("challan.evidence.noRecordingOfMoment") });
    case "attached":
      return violation.clip_reason ? t("challan.evidence.clipAttached", { clip_reason: violation.clip_reason }) : t("challan.evidence.clipAttached2");
    default:
      return t("challan.evidence.noClipForThis");
  }
}
