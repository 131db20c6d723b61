import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { RegionEditor } from "./RegionEditor";
import { RegionFields, RegionList } from "./RegionFields";

const natural = { width: 640, height: 480 };

// jsdom has no PointerEvent; without it fireEvent.pointer* would drop clientX/button. A mouse pointer is a
// MouseEvent with a pointerId, which is all the editor reads.
beforeAll(() => {
  if (!("PointerEvent" in window)) {
    class MousePointerEvent extends MouseEvent {
      readonly pointerId: number;
      constructor(type: string, init: PointerEventInit = {}) {
        super(type, init);
        this.pointerId = init.pointerId ?? 1;
      }
    }
    vi.stubGlobal("PointerEvent", MousePointerEvent);
  }
});

describe("RegionEditor", () => {
  it("turns a mouse drag over the half-size image into a region in image pixels", () => {
    const onDraw = vi.fn();
    render(
      <RegionEditor url="blob:x" alt="Content of item 1" natural={natural} onNatural={vi.fn()} overlay={{ rects: [], kind: "marked" }} onDraw={onDraw} />,
    );
    const layer = screen.getByTestId("region-drawing-area");
    layer.getBoundingClientRect = () => ({ left: 100, top: 50, width: 320, height: 240, x: 100, y: 50, right: 420, bottom: 290, toJSON: () => ({}) });
    fireEvent.pointerDown(layer, { button: 0, clientX: 110, clientY: 60, pointerId: 1 });
    fireEvent.pointerMove(layer, { clientX: 150, clientY: 90, pointerId: 1 });
    fireEvent.pointerUp(layer, { clientX: 160, clientY: 100, pointerId: 1 });
    expect(onDraw).toHaveBeenCalledWith({ x1: 20, y1: 20, x2: 120, y2: 100 });
  });

  it("ignores a click without a drag", () => {
    const onDraw = vi.fn();
    render(
      <RegionEditor url="blob:x" alt="img" natural={natural} onNatural={vi.fn()} overlay={{ rects: [], kind: "marked" }} onDraw={onDraw} />,
    );
    const layer = screen.getByTestId("region-drawing-area");
    fireEvent.pointerDown(layer, { button: 0, clientX: 10, clientY: 10 });
    fireEvent.pointerUp(layer, { clientX: 10, clientY: 10 });
    expect(onDraw).not.toHaveBeenCalled();
  });

  it("reports the image's own size once it loads", () => {
    const onNatural = vi.fn();
    render(<RegionEditor url="blob:x" alt="img" natural={null} onNatural={onNatural} overlay={{ rects: [], kind: "marked" }} />);
    const image = screen.getByRole("img", { name: "img" });
    Object.defineProperty(image, "naturalWidth", { value: 640 });
    Object.defineProperty(image, "naturalHeight", { value: 480 });
    fireEvent.load(image);
    expect(onNatural).toHaveBeenCalledWith(natural);
  });
});

/** RegionFields with each of `typed`'s texts typed, in order, into the field its key labels. */
async function typeRegion(typed: Record<string, string>) {
  const onAdd = vi.fn();
  const user = userEvent.setup();
  render(<RegionFields natural={natural} onAdd={onAdd} />);
  for (const [label, text] of Object.entries(typed)) await user.type(screen.getByLabelText(label), text);
  return { onAdd, user };
}

describe("RegionFields (keyboard entry)", () => {
  it("adds a typed region and clears the fields", async () => {
    const { onAdd } = await typeRegion({ "Left (px)": "10", "Top (px)": "20", "Width (px)": "100", "Height (px)": "50{Enter}" });
    expect(onAdd).toHaveBeenCalledWith({ x1: 10, y1: 20, x2: 110, y2: 70 });
    expect(screen.getByLabelText("Left (px)")).toHaveValue(null);
  });

  it("shows each error next to its field and adds nothing", async () => {
    const { onAdd, user } = await typeRegion({ "Left (px)": "600", "Top (px)": "0", "Width (px)": "100" });
    await user.click(screen.getByRole("button", { name: "Add region" }));
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Width (px)")).toHaveAccessibleDescription(
      "Reaches past the right edge: at most 40 from left 600.",
    );
    expect(screen.getByLabelText("Height (px)")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Left (px)")).not.toHaveAttribute("aria-invalid");
  });

  it("lists regions in words, each removable by its own button", async () => {
    const onRemove = vi.fn();
    render(<RegionList regions={[{ x1: 1, y1: 2, x2: 11, y2: 22 }]} onRemove={onRemove} />);
    expect(screen.getByRole("list", { name: "Marked regions" })).toHaveTextContent("Region 1: left 1, top 2, 10 × 20 px");
    await userEvent.setup().click(screen.getByRole("button", { name: "Remove region 1" }));
    expect(onRemove).toHaveBeenCalledWith(0);
  });
});
