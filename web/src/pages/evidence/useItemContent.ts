import { useCallback, useEffect, useRef, useState } from "react";
import { buildQuery } from "../../api/client";
import { useBlobUrl, type BlobState } from "../../api/useBlobUrl";
import { purposeQuery } from "../../components/PurposeDialog";
import { usePurpose } from "./PurposeContext";
import { t } from "../../i18n/catalogue";

interface ContentRequest {
  itemId: number;
  path: string;
  attempt: number;
}

/**
 * An item's file as an object URL (`useBlobUrl`), fetched only once the user asks and states a purpose:
 * each fetch is a personal-data view, audited, and a `viewed` entry in the item's custody (`onViewed`).
 */
export function useItemContent(itemId: number | null, onViewed?: () => void): { state: BlobState; open: () => Promise<void> } {
  const { ensurePurpose } = usePurpose();
  const [request, setRequest] = useState<ContentRequest | null>(null);
  // Another item starts closed: its file is fetched only when asked for.
  const current = request && request.itemId === itemId ? request : null;
  const state = useBlobUrl(current?.path ?? null, true, current?.attempt ?? 0);

  const viewed = useRef(onViewed);
  useEffect(() => {
    viewed.current = onViewed;
  }, [onViewed]);
  useEffect(() => {
    if (state.status === "ready") viewed.current?.();
  }, [state]);

  const open = useCallback(async () => {
    if (itemId === null) return;
    const purpose = await ensurePurpose(t("evidence.openEvidenceItem", { itemId }));
    if (!purpose) return;
    const path = `/api/v1/evidence/items/${itemId}/content${buildQuery(purposeQuery(purpose))}`;
    setRequest((previous) => ({ itemId, path, attempt: (previous?.attempt ?? 0) + 1 }));
  }, [ensurePurpose, itemId]);

  return { state, open };
}
