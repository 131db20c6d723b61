import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Options } from "./Options";

function optionsOf(select: HTMLElement): [string, string][] {
  return Array.from((select as HTMLSelectElement).options, (option) => [option.value, option.text]);
}

describe("Options", () => {
  it("offers each item as its own value and words when nothing else is said", () => {
    render(
      <select aria-label="speed" defaultValue="2">
        <Options items={[1, 2, 4]} />
      </select>,
    );
    expect(optionsOf(screen.getByLabelText("speed"))).toEqual([
      ["1", "1"],
      ["2", "2"],
      ["4", "4"],
    ]);
  });

  it("takes the value and the words from the item", () => {
    const types = [
      { code: "fire", label: "Fire" },
      { code: "theft", label: "Theft" },
    ];
    render(
      <select aria-label="type" defaultValue="theft">
        <option value="">Any type</option>
        <Options items={types} value={(type) => type.code} label={(type) => type.label} />
      </select>,
    );
    const select = screen.getByLabelText("type") as HTMLSelectElement;
    expect(optionsOf(select)).toEqual([
      ["", "Any type"],
      ["fire", "Fire"],
      ["theft", "Theft"],
    ]);
    expect(select.value).toBe("theft");
  });

  it("words a value by the label it is given", () => {
    const priorities = ["low", "high"] as const;
    const names: Record<(typeof priorities)[number], string> = { low: "Low priority", high: "High priority" };
    render(
      <select aria-label="priority" defaultValue="low">
        <Options items={priorities} label={(priority) => names[priority]} />
      </select>,
    );
    expect(optionsOf(screen.getByLabelText("priority"))).toEqual([
      ["low", "Low priority"],
      ["high", "High priority"],
    ]);
  });
});
