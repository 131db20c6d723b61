import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type RefObject } from "react";
import type { EditorAction } from "./editorState";
import { inwardNormal, toNormalised, toPixels, type Point, type Size } from "./geometry";
import { kindColour, KINDS } from "./kinds";
import { displayName, type Shape } from "./sceneModel";
import { t } from "../../../i18n/catalogue";

interface Props {
  shapes: Shape[];
  selectedKey: string | null;
  drawingKey: string | null;
  dispatch: (action: EditorAction) => void;
  /** Object URL of the camera's latest picture, or null to draw on an empty frame. */
  pictureUrl: string | null;
  pictureLabel: string;
  onPictureSize: (size: Size) => void;
  onPictureFailed: () => void;
}

const ARROW_PX = 34;
const NUDGE = 0.01;

/** The picture with the scene drawn over it; clicks place points, handles drag, keys nudge and delete. */
export function SceneCanvas(props: Props) {
  const { shapes, selectedKey, drawingKey, dispatch, pictureUrl, pictureLabel, onPictureSize, onPictureFailed } = props;
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useDisplayedSize(stageRef);
  const drag = useRef<{ key: string; index: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);

  const pointAt = (event: { clientX: number; clientY: number }): Point | null => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect) return null;
    return toNormalised({ x: event.clientX - rect.left, y: event.clientY - rect.top }, rect);
  };

  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    // The second click of a double-click closes the outline instead of placing another point.
    if (event.detail > 1) return;
    if (!drawingKey) {
      dispatch({ type: "select", key: null });
      return;
    }
    const point = pointAt(event);
    if (point) dispatch({ type: "addPoint", point });
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!drawingKey) return;
    if (event.key === "Enter") {
      event.preventDefault();
      dispatch({ type: "finish" });
    } else if (event.key === "Escape") {
      event.preventDefault();
      dispatch({ type: "stopDrawing" });
    }
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const current = drag.current;
    if (!current) return;
    if (!current.moved) {
      current.moved = true;
      // Captured only once it is a drag, so a plain click still reaches the handle.
      svgRef.current?.setPointerCapture?.(event.pointerId);
    }
    const point = pointAt(event);
    if (point) dispatch({ type: "moveVertex", key: current.key, index: current.index, point });
  };

  const endDrag = (event: PointerEvent<SVGSVGElement>) => {
    if (drag.current?.moved) suppressClick.current = true;
    drag.current = null;
    if (svgRef.current?.hasPointerCapture?.(event.pointerId)) svgRef.current.releasePointerCapture(event.pointerId);
  };

  const drawing = shapes.find((shape) => shape.key === drawingKey);
  return (
    <div className={`scene-stage${pictureUrl ? "" : " scene-stage-blank"}`} ref={stageRef}>
      {pictureUrl ? (
        <img
          src={pictureUrl}
          alt={pictureLabel}
          className="scene-picture"
          onLoad={(event) =>
            onPictureSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
          }
          onError={onPictureFailed}
        />
      ) : null}
      <svg
        ref={svgRef}
        className={`scene-overlay${drawing ? " scene-overlay-drawing" : ""}`}
        data-testid="scene-overlay"
        role="group"
        aria-label={
          drawing
            ? t("cameras.scene.drawingAreaClickTo", { displayName: displayName(drawing, shapes) })
            : t("cameras.scene.drawingArea")
        }
        tabIndex={0}
        onClick={onClick}
        onDoubleClick={() => drawingKey && dispatch({ type: "finish" })}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <defs>
          <marker id="scene-arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="scene-arrowhead" />
          </marker>
        </defs>
        {shapes.map((shape) => (
          <ShapeDrawing
            key={shape.key}
            shape={shape}
            label={displayName(shape, shapes)}
            size={size}
            selected={shape.key === selectedKey}
            drawing={shape.key === drawingKey}
            anyDrawing={drawingKey !== null}
            dispatch={dispatch}
            onHandleDown={(index) => {
              drag.current = { key: shape.key, index, moved: false };
            }}
          />
        ))}
      </svg>
    </div>
  );
}

/** The displayed size of the picture, followed as the window resizes. */
function useDisplayedSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const rect = element.getBoundingClientRect();
      setSize((previous) =>
        previous.width === rect.width && previous.height === rect.height ? previous : { width: rect.width, height: rect.height },
      );
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

interface ShapeDrawingProps {
  shape: Shape;
  label: string;
  size: Size;
  selected: boolean;
  drawing: boolean;
  anyDrawing: boolean;
  dispatch: (action: EditorAction) => void;
  onHandleDown: (index: number) => void;
}

function ShapeDrawing({ shape, label, size, selected, drawing, anyDrawing, dispatch, onHandleDown }: ShapeDrawingProps) {
  const info = KINDS[shape.kind];
  const pixels = shape.points.map((point) => toPixels(point, size));
  const path = pixels.map((p) => `${p.x},${p.y}`).join(" ");
  const select = (event: MouseEvent) => {
    if (anyDrawing) return; // clicks while drawing place points
    event.stopPropagation();
    dispatch({ type: "select", key: shape.key });
  };
  const className = `scene-shape scene-${shape.kind}${selected ? " scene-selected" : ""}`;
  const anchor = pixels[0];
  return (
    <g className={className} style={kindColour(shape.kind)} data-shape={label}>
      {info.geometry === "polygon" && shape.finished ? (
        <polygon points={path} onClick={select} />
      ) : info.geometry === "polygon" || info.geometry === "points" ? (
        <polyline points={path} onClick={select} className={info.geometry === "points" ? "scene-dotted" : undefined} />
      ) : (
        <polyline points={path} onClick={select} />
      )}
      {info.geometry === "line" && shape.kind !== "solid" ? <DirectionArrow pixels={pixels} /> : null}
      {anchor ? (
        <text x={anchor.x + 8} y={anchor.y - 8} className="scene-label">
          {label}
        </text>
      ) : null}
      {selected || drawing
        ? pixels.map((p, index) => (
            <VertexHandle
              key={index}
              shape={shape}
              label={label}
              index={index}
              at={p}
              closesOutline={drawing && index === 0 && info.geometry === "polygon" && shape.points.length >= 3}
              dispatch={dispatch}
              onDown={() => onHandleDown(index)}
            />
          ))
        : null}
    </g>
  );
}

function DirectionArrow({ pixels }: { pixels: Point[] }) {
  const [start, end] = pixels;
  if (!start || !end) return null;
  const normal = inwardNormal(start, end);
  if (normal.x === 0 && normal.y === 0) return null;
  const middle = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  const tip = { x: middle.x + normal.x * ARROW_PX, y: middle.y + normal.y * ARROW_PX };
  return (
    <g className="scene-direction">
      <line x1={middle.x} y1={middle.y} x2={tip.x} y2={tip.y} markerEnd="url(#scene-arrowhead)" />
      <text x={tip.x + normal.x * 12} y={tip.y + normal.y * 12 + 4} className="scene-label" textAnchor="middle">
        {t("cameras.scene.in")}
      </text>
    </g>
  );
}

interface HandleProps {
  shape: Shape;
  label: string;
  index: number;
  at: Point;
  closesOutline: boolean;
  dispatch: (action: EditorAction) => void;
  onDown: () => void;
}

function VertexHandle({ shape, label, index, at, closesOutline, dispatch, onDown }: HandleProps) {
  const point = shape.points[index];
  const onKeyDown = (event: KeyboardEvent<SVGCircleElement>) => {
    if (!point) return;
    const step = event.shiftKey ? NUDGE / 10 : NUDGE;
    const moves: Record<string, Point> = {
      ArrowLeft: { x: point.x - step, y: point.y },
      ArrowRight: { x: point.x + step, y: point.y },
      ArrowUp: { x: point.x, y: point.y - step },
      ArrowDown: { x: point.x, y: point.y + step },
    };
    const moved = moves[event.key];
    if (moved) {
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: "moveVertex", key: shape.key, index, point: moved });
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: "removeVertex", key: shape.key, index });
    }
  };
  return (
    <circle
      className={`scene-handle${closesOutline ? " scene-handle-first" : ""}`}
      cx={at.x}
      cy={at.y}
      r={closesOutline ? 9 : 7}
      tabIndex={0}
      role="button"
      aria-label={t(closesOutline ? "cameras.scene.pointClosesOutline" : "cameras.scene.pointOf", { number: index + 1, label })}
      onPointerDown={(event) => {
        event.stopPropagation();
        dispatch({ type: "select", key: shape.key });
        onDown();
      }}
      onClick={(event) => {
        event.stopPropagation();
        if (closesOutline) dispatch({ type: "finish" });
      }}
      onKeyDown={onKeyDown}
    />
  );
}
