import { useState } from "react";
import { Link, useParams } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { StateMessage } from "../../components/StateMessage";
import { ContentPreview } from "./ContentPreview";
import { CustodyTable } from "./CustodyTable";
import { formatSize, formatTime } from "./format";
import type { PixelRect, Size } from "./geometry";
import { ItemSource, itemLabel } from "./ItemsTable";
import { PurposeBanner } from "./PurposeContext";
import { RedactionPanel } from "./RedactionPanel";
import { RegionEditor } from "./RegionEditor";
import { useCaseItems, useCustody } from "./resources";
import { mediaTypeOf, type EvidenceItem } from "./types";
import { useItemContent } from "./useItemContent";

/** Keyed by item, so moving to another item (e.g. its redacted copy) starts with no marks and no open file. */
export function ItemView() {
  const { itemId } = useParams();
  return <ItemDetail key={itemId} />;
}

function ItemDetail() {
  const { can } = useAuth();
  const params = useParams();
  const caseId = Number(params.caseId);
  const itemId = Number(params.itemId);
  // Metadata comes from the case's item list: reading it needs no purpose, unlike opening the file.
  const items = useCaseItems(caseId);
  const custody = useCustody(itemId);
  const content = useItemContent(itemId, custody.reload);
  const [natural, setNatural] = useState<Size | null>(null);
  const [regions, setRegions] = useState<PixelRect[]>([]);

  const item = items.resource.data?.find((i) => i.id === itemId);
  const copies = items.resource.data?.filter((i) => i.original_id === itemId) ?? [];
  const type = item ? mediaTypeOf(item.suffix) : "other";
  const canRedact = can(Permission.EVIDENCE_MANAGE) && type !== "other" && item?.status !== "purged";

  return (
    <section>
      <p>
        <Link to={`/evidence/cases/${caseId}`}>← Back to the case</Link>
      </p>
      <h1>{item ? itemLabel(item) : `Item ${itemId}`}</h1>
      <StateMessage resource={items.resource} what="the item" />
      {items.resource.status === "ready" && !item ? (
        <p className="state state-error" role="alert">
          This case has no item {itemId}.
        </p>
      ) : null}
      {item ? (
        <>
          <ItemFacts item={item} />
          <PurposeBanner />
          <section aria-labelledby="content-title">
            <h2 id="content-title">Content</h2>
            <ContentPreview
              item={item}
              state={content.state}
              onOpen={() => void content.open()}
              renderImage={(url) => (
                <RegionEditor
                  url={url}
                  alt={`Content of item ${item.id}${canRedact ? ", with marked regions" : ""}`}
                  natural={natural}
                  onNatural={setNatural}
                  overlay={{ rects: regions, kind: "marked" }}
                  onDraw={canRedact ? (rect) => setRegions((r) => [...r, rect]) : undefined}
                />
              )}
            />
          </section>
          {canRedact ? (
            <RedactionPanel
              item={item}
              isImage={type === "image"}
              natural={content.state.status === "ready" ? natural : null}
              regions={regions}
              onRegionsChange={setRegions}
              onRedacted={() => {
                items.reload();
                custody.reload();
              }}
            />
          ) : null}
          {copies.length > 0 ? <RedactedCopies caseId={caseId} copies={copies} /> : null}
        </>
      ) : null}
      <section aria-labelledby="custody-title">
        <h2 id="custody-title">Chain of custody</h2>
        <StateMessage resource={custody.resource} what="the chain of custody" />
        {custody.resource.data ? <CustodyTable report={custody.resource.data} /> : null}
      </section>
    </section>
  );
}

function ItemFacts({ item }: { item: EvidenceItem }) {
  return (
    <dl className="evidence-facts" data-testid="item-facts">
      <dt>SHA-256</dt>
      <dd>
        <code className="evidence-hash" data-testid="item-sha256">
          {item.sha256}
        </code>
      </dd>
      <dt>Source</dt>
      <dd>
        <ItemSource item={item} />
      </dd>
      <dt>Kind</dt>
      <dd>{item.kind}</dd>
      <dt>Size</dt>
      <dd>{formatSize(item.size)}</dd>
      <dt>Collected</dt>
      <dd>
        {formatTime(item.collected_at)} by {item.collected_by}
      </dd>
      <dt>Description</dt>
      <dd>{item.description || "—"}</dd>
      <dt>Status</dt>
      <dd>{item.status === "purged" ? "Purged by retention (file deleted, record kept)" : "Kept"}</dd>
    </dl>
  );
}

function RedactedCopies({ caseId, copies }: { caseId: number; copies: readonly EvidenceItem[] }) {
  return (
    <section aria-labelledby="copies-title">
      <h2 id="copies-title">Redacted copies</h2>
      <ul>
        {copies.map((copy) => (
          <li key={copy.id}>
            <Link to={`/evidence/cases/${caseId}/items/${copy.id}`}>{itemLabel(copy)}</Link> · made{" "}
            {formatTime(copy.collected_at)} by {copy.collected_by}
          </li>
        ))}
      </ul>
    </section>
  );
}
