import { useState, type PointerEvent } from "react";

/** A drag in pixels from the element's top-left corner, and the element's size at the last pointer event. */
export interface PointerDrag {
  start: { x: number; y: number };
  end: { x: number; y: number };
  size: { width: number; height: number };
}

/**
 * Dragging the (primary) pointer across an element: spread `handlers` on it; `drag` is the drag under way (for
 * a draft drawn while moving), and `onDrop` gets the finished one when the pointer is let go. The pointer is
 * captured, so a drag that leaves the element keeps following it. `preventDefault` stops the browser's own
 * reaction to the press (text selection, focus).
 */
export function usePointerDrag(
  onDrop: (drag: PointerDrag) => void,
  { enabled = true, preventDefault = false }: { enabled?: boolean; preventDefault?: boolean } = {},
) {
  const [drag, setDrag] = useState<PointerDrag | null>(null);
  const at = (event: PointerEvent<Element>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { point: { x: event.clientX - box.left, y: event.clientY - box.top }, size: { width: box.width, height: box.height } };
  };
  const handlers = {
    onPointerDown: (event: PointerEvent<Element>) => {
      if (!enabled || event.button !== 0) return;
      if (preventDefault) event.preventDefault();
      event.currentTarget.setPointerCapture?.(event.pointerId);
      const { point, size } = at(event);
      setDrag({ start: point, end: point, size });
    },
    onPointerMove: (event: PointerEvent<Element>) => {
      if (!drag) return;
      const { point, size } = at(event);
      setDrag({ start: drag.start, end: point, size });
    },
    onPointerUp: (event: PointerEvent<Element>) => {
      if (!drag) return;
      const { point, size } = at(event);
      setDrag(null);
      onDrop({ start: drag.start, end: point, size });
    },
  };
  return { drag, handlers, cancel: () => setDrag(null) };
}
