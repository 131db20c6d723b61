import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Resource } from "../../api/useResource";
import type { Schemas } from "../../api/schemas";
import { AlarmQualityPanel } from "./AlarmQualityPanel";

const row = (key: string, fields: Partial<Schemas["Precision"]>): Schemas["Precision"] => ({
  key,
  alarms: 10,
  disposed: 10,
  true: 5,
  false: 5,
  nuisance: 0,
  precision: 0.5,
  flagged: false,
  suggestion: "",
  ...fields,
});

describe("the alarm quality panel", () => {
  it("shows precision per rule and flags the poor rule with its suggestion", () => {
    const data: Schemas["AlarmQuality"] = {
      since: "2026-03-02T00:00:00Z",
      until: "2026-03-03T00:00:00Z",
      alarms: 20,
      operator_hours: 48,
      alarms_per_operator_hour: 0.42,
      acknowledge_p50_seconds: 40,
      acknowledge_p95_seconds: 200,
      by_rule: [row("loitering:bench", { precision: 0.1, true: 1, false: 9, flagged: true, suggestion: "raise min_dwell_seconds" }), row("wrong_way:gate", {})],
      by_camera: [row("cam-1", {})],
      by_source: [row("rule", { alarms: 20, disposed: 20 })],
    };
    const resource = { status: "ready", data, error: null } as unknown as Resource<Schemas["AlarmQuality"]>;
    render(<AlarmQualityPanel resource={resource} />);
    expect(screen.getByTestId("flagged-rule").textContent).toContain("loitering:bench: precision 10 %");
    expect(screen.getByTestId("flagged-rule").textContent).toContain("raise min_dwell_seconds");
    const rules = screen.getByRole("table", { name: "Precision per rule" });
    expect(within(rules).getByRole("rowheader", { name: "loitering:bench (flagged)" })).toBeTruthy();
    expect(screen.getByText("0.42")).toBeTruthy();
  });
});
