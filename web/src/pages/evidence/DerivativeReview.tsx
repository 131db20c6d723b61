import { useEffect, useState } from "react";
import { Link } from "react-router";
import { collectedEntry } from "./custody";
import type { Size } from "./geometry";
import { describeRedaction, redactionRecord } from "./redaction";
import { RegionEditor } from "./RegionEditor";
import { useCustody } from "./resources";
import { mediaTypeOf, type EvidenceItem } from "./types";
import { useItemContent } from "./useItemContent";

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
        Redacted copy:{" "}
        <Link to={`/evidence/cases/${derivative.case_id ?? ""}/items/${derivative.id}`}>item {derivative.id}</Link>
      </h3>
      <p role="status" className="state state-ok">
        Item {derivative.id} made from item {derivative.original_id}; SHA-256{" "}
        <code className="evidence-hash">{derivative.sha256}</code>.
      </p>
      {record ? (
        <p data-testid="redaction-summary">
          {describeRedaction(record)}
          {record.drawn.length > 0 ? (
            <>
              {" "}
              Drawn:{" "}
              {record.drawn
                .map((r) => `left ${r.x1}, top ${r.y1}, ${r.x2 - r.x1} × ${r.y2 - r.y1} px`)
                .join("; ")}
              .
            </>
          ) : null}
        </p>
      ) : null}
      {content.state.status === "ready" ? (
        <RegionEditor
          url={content.state.url}
          alt={`Redacted copy, item ${derivative.id}, with blurred regions outlined`}
          natural={natural}
          onNatural={setNatural}
          overlay={{ rects: record?.boxes ?? [], kind: "blurred" }}
        />
      ) : null}
    </div>
  );
}
