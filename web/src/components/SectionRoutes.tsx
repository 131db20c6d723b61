import type { ReactNode } from "react";
import { Route, Routes } from "react-router";
import { NotFoundPage } from "../pages/SimplePages";

/**
 * The routes of an area below its own path (`children`, `<Route>` elements), and what any other sub-path
 * shows: `otherwise`, the not-found page unless the area says (back to its home, or a page of its own).
 */
export function SectionRoutes({ children, otherwise = <NotFoundPage /> }: { children?: ReactNode; otherwise?: ReactNode }) {
  return (
    <Routes>
      {children}
      <Route path="*" element={otherwise} />
    </Routes>
  );
}
