import { usePointerDrag } from "../../hooks/usePointerDrag";
import { dragToRect, rectToPercent, type PixelRect, type Size } from "./geometry";

export interface Overlay {
  rects: readonly PixelRect[];
  /** "marked": regions the user drew; "blurred": regions the server blurred. */
  kind: "marked" | "blurred";
}

/** An image with rectangles over it; with `onDraw`, dragging the mouse across it marks a new rectangle. */
export function RegionEditor({
  url,
  alt,
  natural,
  onNatural,
  overlay,
  onDraw,
}: {
  url: string;
  alt: string;
  natural: Size | null;
  onNatural: (size: Size) => void;
  overlay: Overlay;
  onDraw?: (rect: PixelRect) => void;
}) {
  const { drag, handlers, cancel } = usePointerDrag(
    ({ start, end, size }) => {
      const rect = natural ? dragToRect(start, end, size, natural) : null;
      if (rect) onDraw?.(rect);
    },
    { enabled: Boolean(onDraw), preventDefault: true },
  );

  const draft = drag && natural ? dragToRect(drag.start, drag.end, drag.size, natural) : null;
  return (
    <div className="region-editor">
      <img
        src={url}
        alt={alt}
        draggable={false}
        onLoad={(e) => onNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
      />
      {natural ? (
        <div
          className={onDraw ? "region-layer region-layer-draw" : "region-layer"}
          data-testid={onDraw ? "region-drawing-area" : undefined}
          aria-hidden="true"
          {...handlers}
          onPointerCancel={cancel}
        >
          {overlay.rects.map((rect, index) => (
            <div key={index} className={`region region-${overlay.kind}`} style={percentStyle(rect, natural)}>
              <span className="region-label">{index + 1}</span>
            </div>
          ))}
          {draft ? <div className="region region-draft" style={percentStyle(draft, natural)} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function percentStyle(rect: PixelRect, natural: Size) {
  const p = rectToPercent(rect, natural);
  return { left: `${p.left}%`, top: `${p.top}%`, width: `${p.width}%`, height: `${p.height}%` };
}
