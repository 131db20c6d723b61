import { useRef, useState, type PointerEvent } from "react";
import { dragToRect, rectToPercent, type PixelRect, type Point, type Size } from "./geometry";

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
  const layerRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: Point; end: Point } | null>(null);

  const pointOf = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { point: { x: event.clientX - box.left, y: event.clientY - box.top }, displayed: { width: box.width, height: box.height } };
  };
  const displayedSize = (): Size => {
    const box = layerRef.current?.getBoundingClientRect();
    return { width: box?.width ?? 0, height: box?.height ?? 0 };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!onDraw || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const { point } = pointOf(event);
    setDrag({ start: point, end: point });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ start: drag.start, end: pointOf(event).point });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || !natural || !onDraw) return;
    const { point, displayed } = pointOf(event);
    const rect = dragToRect(drag.start, point, displayed, natural);
    setDrag(null);
    if (rect) onDraw(rect);
  };

  const draft = drag && natural ? dragToRect(drag.start, drag.end, displayedSize(), natural) : null;
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
          ref={layerRef}
          className={onDraw ? "region-layer region-layer-draw" : "region-layer"}
          data-testid={onDraw ? "region-drawing-area" : undefined}
          aria-hidden="true"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => setDrag(null)}
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
