import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../i18n/catalogue";
import { STATUS_LABEL } from "./format";
import { QueueFiltersBar } from "./QueueParts";

afterEach(() => setLanguage("en", false));

describe("the alert page in Urdu", () => {
  it("labels the filters and statuses in Urdu, right to left", () => {
    setLanguage("ur", false);
    render(<QueueFiltersBar filters={{ status: "open", severity: "", cameraId: "" }} cameras={[]} onChange={() => undefined} />);
    expect(document.documentElement.dir).toBe("rtl");
    expect(screen.getByRole("group", { name: "الرٹس چھانٹیں" })).toBeInTheDocument();
    expect(screen.getByLabelText("شدت")).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "کھلے (کارروائی درکار)" })).toBeInTheDocument();
    expect(STATUS_LABEL.acknowledged).toBe("تسلیم شدہ");
  });
});
