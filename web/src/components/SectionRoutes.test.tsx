import { render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, Navigate, Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { SectionRoutes } from "./SectionRoutes";

/** An area mounted at /area, as the console mounts each area, opened at `path`. */
function openArea(path: string, otherwise?: ReactNode) {
  const routes = (
    <>
      <Route index element={<p>area home</p>} />
      <Route path="items/:id" element={<p>one item</p>} />
    </>
  );
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/area/*" element={<SectionRoutes otherwise={otherwise}>{routes}</SectionRoutes>} />
        <Route path="/elsewhere" element={<p>elsewhere</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe("SectionRoutes", () => {
  it("shows the area's page for each of its sub-paths", () => {
    openArea("/area");
    expect(screen.getByText("area home")).toBeInTheDocument();
  });

  it("routes a sub-path with parameters to its page", () => {
    openArea("/area/items/7");
    expect(screen.getByText("one item")).toBeInTheDocument();
  });

  it("shows the not-found page, with a way back to the start, for any other sub-path", () => {
    openArea("/area/items/7/nothing");
    expect(screen.getByRole("heading", { name: "Page not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to the start page" })).toHaveAttribute("href", "/");
  });

  it("shows what the area says instead where it says so, e.g. a way back to its home", () => {
    openArea("/area/nothing", <Navigate to="/elsewhere" replace />);
    expect(screen.getByText("elsewhere")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Page not found" })).not.toBeInTheDocument();
  });
});
