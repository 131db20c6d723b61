import type { ReactNode } from "react";
import type { BlobState } from "../../api/useBlobUrl";
import { mediaTypeOf, type EvidenceItem } from "./types";

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
  if (item.status === "purged") return <p className="state">The file was purged by retention; its record and custody remain.</p>;
  const type = mediaTypeOf(item.suffix);
  switch (state.status) {
    case "none":
      return (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={onOpen}>
            Open content
          </button>
          <span className="muted">Opening the file is recorded in the audit log and in this item's custody.</span>
        </div>
      );
    case "loading":
      return (
        <p className="state" role="status">
          Loading the file…
        </p>
      );
    case "failed":
      return (
        <div className="form-actions">
          <button type="button" className="btn" onClick={onOpen}>
            Try again
          </button>
          <p className="field-error" role="alert">
            Could not open the file: {state.error}
          </p>
        </div>
      );
    case "ready":
      if (type === "image")
        return renderImage ? <>{renderImage(state.url)}</> : <img className="evidence-media" src={state.url} alt={`Content of item ${item.id}`} />;
      if (type === "video")
        return (
          <video className="evidence-media" src={state.url} controls aria-label={`Video of item ${item.id}`}>
            <track kind="captions" />
          </video>
        );
      return (
        <a className="btn" href={state.url} download={item.filename || `item-${item.id}${item.suffix}`}>
          Save file {item.filename || `item-${item.id}${item.suffix}`}
        </a>
      );
  }
}
