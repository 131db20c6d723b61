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
import { t } from "../../i18n/catalogue";

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
        <Link to={`/evidence/cases/${caseId}`}>{t("evidence.backToTheCase")}</Link>
      </p>
      <h1>{item ? itemLabel(item) : t("evidence.item3", { itemId })}</h1>
      <StateMessage resource={items.resource} what={t("evidence.theItem")} />
      {items.resource.status === "ready" && !item ? (
        <p className="state state-error" role="alert">
          {t("evidence.thisCaseHasNo", { itemId })}
        </p>
      ) : null}
      {item ? (
        <>
          <ItemFacts item={item} />
          <PurposeBanner />
          <section aria-labelledby="content-title">
            <h2 id="content-title">{t("evidence.content")}</h2>
            <ContentPreview
              item={item}
              state={content.state}
              onOpen={() => void content.open()}
              renderImage={(url) => (
                <RegionEditor
                  url={url}
                  alt={t(canRedact ? "evidence.contentOfItemMarked" : "evidence.contentOfItem", { id: item.id })}
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
        <h2 id="custody-title">{t("evidence.chainOfCustody")}</h2>
        <StateMessage resource={custody.resource} what={t("evidence.theChainOfCustody")} />
        {custody.resource.data ? <CustodyTable report={custody.resource.data} /> : null}
      </section>
    </section>
  );
}

function ItemFacts({ item }: { item: EvidenceItem }) {
  return (
    <dl className="evidence-facts" data-testid="item-facts">
      <dt>{t("evidence.sha256")}</dt>
      <dd>
        <code className="evidence-hash" data-testid="item-sha256">
          {item.sha256}
        </code>
      </dd>
      <dt>{t("evidence.source")}</dt>
      <dd>
        <ItemSource item={item} />
      </dd>
      <dt>{t("evidence.kind")}</dt>
      <dd>{item.kind}</dd>
      <dt>{t("evidence.size")}</dt>
      <dd>{formatSize(item.size)}</dd>
      <dt>{t("evidence.collected")}</dt>
      <dd>
        {t("evidence.by2", { time: formatTime(item.collected_at), collected_by: item.collected_by })}
      </dd>
      <dt>{t("evidence.description")}</dt>
      <dd>{item.description || "—"}</dd>
      <dt>{t("evidence.status")}</dt>
      <dd>{item.status === "purged" ? t("evidence.purgedByRetentionFile") : t("evidence.kept")}</dd>
    </dl>
  );
}

function RedactedCopies({ caseId, copies }: { caseId: number; copies: readonly EvidenceItem[] }) {
  return (
    <section aria-labelledby="copies-title">
      <h2 id="copies-title">{t("evidence.redactedCopies")}</h2>
      <ul>
        {copies.map((copy) => (
          <li key={copy.id}>
            <Link to={`/evidence/cases/${caseId}/items/${copy.id}`}>{itemLabel(copy)}</Link>{" "}{t("evidence.madeBy", { time: formatTime(copy.collected_at), collected_by: copy.collected_by })}
          </li>
        ))}
      </ul>
    </section>
  );
}
