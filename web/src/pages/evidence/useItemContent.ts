import { useCallback, useEffect, useRef, useState } from "react";
import { buildQuery } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { purposeQuery } from "../../components/PurposeDialog";
import { messageOf } from "./http";
import { usePurpose } from "./PurposeContext";

export type ContentState =
  | { status: "closed" }
  | { status: "loading" }
  | { status: "open"; url: string }
  | { status: "error"; error: string };

/**
 * An item's file as an object URL, fetched with the bearer token only once the user asks and states a
 * purpose (each fetch is a personal-data view: audited, and a `viewed` entry in the item's custody).
 */
export function useItemContent(itemId: number | null, onViewed?: () => void) {
  const { client } = useAuth();
  const { ensurePurpose } = usePurpose();
  const [state, setState] = useState<ContentState>({ status: "closed" });
  const urlRef = useRef<string | null>(null);

  const release = () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  };
  useEffect(() => {
    setState({ status: "closed" });
    return release;
  }, [itemId]);

  const open = useCallback(async () => {
    if (itemId === null) return;
    const purpose = await ensurePurpose(`Open evidence item ${itemId}`);
    if (!purpose) return;
    setState({ status: "loading" });
    try {
      const url = await client.blobUrl(
        `/api/v1/evidence/items/${itemId}/content${buildQuery(purposeQuery(purpose))}`,
      );
      release();
      urlRef.current = url;
      setState({ status: "open", url });
      onViewed?.();
    } catch (caught) {
      setState({ status: "error", error: messageOf(caught) });
    }
  }, [client, ensurePurpose, itemId, onViewed]);

  return { state, open };
}
