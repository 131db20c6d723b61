import type { ReactNode } from "react";
import type { BlobState } from "../../api/useBlobUrl";
import { FieldError } from "../../components/FormField";
import { mediaTypeOf, type EvidenceItem } from "./types";
import { t } from "../../i18n/catalogue";

/** The item's file: asked for explicitly (a purpose-bound view), then shown as image, video or a link. */
export function ContentPreview({
  item,
  state,
  onOpen,
  renderImage,
}: {
  item: EvidenceItem;
  state: BlobState;
  onOpen: () => void;
  /** Draws the image itself (e.g. with the redaction editor over it). */
  renderImage?: (url: string) => ReactNode;
}) {
  if (item.status === "purged") return <p className="state">{t("evidence.theFileWasPurged")}</p>;
  const type = mediaTypeOf(item.suffix);
  switch (state.status) {
    case "none":
    case "failed": {
      // One button asks for the file; after a failure it asks again, with what went wrong beside it.
      const failed = state.status === "failed";
      return (
        <div className="form-actions">
          <button type="button" className={failed ? "btn" : "btn btn-primary"} onClick={onOpen}>
            {failed ? t("evidence.tryAgain") : t("evidence.openContent")}
          </button>
          {failed ? (
            <FieldError>{t("evidence.couldNotOpenThe", { error: state.error })}</FieldError>
          ) : (
            <span className="muted">{t("evidence.openingTheFileIs")}</span>
          )}
        </div>
      );
    }
    case "loading":
      return (
        <p className="state" role="status">
          {t("evidence.loadingTheFile")}
        </p>
      );
    case "ready":
      if (type === "image")
        return renderImage ? <>{renderImage(state.url)}</> : <img className="evidence-media" src={state.url} alt={t("evidence.contentOfItem", { id: item.id })} />;
      if (type === "video")
        return (
          <video className="evidence-media" src={state.url} controls aria-label={t("evidence.videoOfItem", { id: item.id })}>
            <track kind="captions" />
          </video>
        );
      return (
        <a className="btn" href={state.url} download={item.filename || `item-${item.id}${item.suffix}`}>
          {t("evidence.saveFile", { filename: item.filename || `item-${item.id}${item.suffix}` })}
        </a>
      );
  }
}
