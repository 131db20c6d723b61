import { describe, expect, it } from "vitest";
import { className, formatBytes } from "./ReportSection";

describe("the retention report's cells", () => {
  it("shows sizes in binary units, and a dash for classes without files", () => {
    expect(formatBytes(null)).toBe("—");
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GiB");
  });

  it("names every class of the plan, and unknown ones from their key", () => {
    expect(className("challan_plate_reads")).toMatch(/e-challan/);
    expect(className("parking_tickets")).toBe("parking tickets");
  });
});
