import { useEffect, useState } from "react";
import { Link } from "react-router";
import { collectedEntry } from "./custody";
import type { Size } from "./geometry";
import { describeRedaction, redactionRecord } from "./redaction";
import { RegionEditor } from "./RegionEditor";
import { useCustody } from "./resources";
import { mediaTypeOf, type EvidenceItem } from "./types";
import { useItemContent } from "./useItemContent";
import { t } from "../../i18n/catalogue";

/** The redacted copy with every region the server blurred outlined, as its custody records them. */
export function DerivativeReview({ derivative }: { derivative: EvidenceItem }) {
  const { resource } = useCustody(derivative.id);
  const content = useItemContent(derivative.id);
  const [natural, setNatural] = useState<Size | null>(null);
  const isImage = mediaTypeOf(derivative.suffix) === "image";
  const entry = resource.data ? collectedEntry(resource.data.entries) : undefined;
  const record = entry ? redactionRecord(entry.details) : null;
  const { open } = content;

  // The purpose was just stated for the redaction, so the copy opens without asking again.
  useEffect(() => {
    if (isImage) void open();
  }, [isImage, open]);

  return (
    <div className="evidence-derivative" data-testid="derivative-review">
      <h3>
        {t("evidence.redactedCopy")}{" "}
        <Link to={`/evidence/cases/${derivative.case_id ?? ""}/items/${derivative.id}`}>{t("evidence.item2", { id: derivative.id })}</Link>
      </h3>
      <p role="status" className="state state-ok">
        {t("evidence.itemMadeFromItem", { id: derivative.id, original_id: derivative.original_id ?? "" })}{" "}
        <code className="evidence-hash">{derivative.sha256}</code>.
      </p>
      {record ? (
        <p data-testid="redaction-summary">
          {describeRedaction(record)}
          {record.drawn.length > 0 ? (
            <>
              {" "}{t("evidence.drawn", { map: record.drawn
                .map((r) => t("evidence.leftTopPx", { x1: r.x1, y1: r.y1, value: r.x2 - r.x1, value2: r.y2 - r.y1 }))
                .join("; ") })}
            </>
          ) : null}
        </p>
      ) : null}
      {content.state.status === "ready" ? (
        <RegionEditor
          url={content.state.url}
          alt={t("evidence.redactedCopyItemWith", { id: derivative.id })}
          natural={natural}
          onNatural={setNatural}
          overlay={{ rects: record?.boxes ?? [], kind: "blurred" }}
        />
      ) : null}
    </div>
  );
}
