import type { ReactNode } from "react";
import { Navigate, Route } from "react-router";
import { SectionRoutes } from "./SectionRoutes";

/** The routes of an area with one page: the page at the area's root, any other path back to it (`home`). */
export function SinglePageRoutes({ page, home }: { page: ReactNode; home: string }) {
  return (
    <SectionRoutes otherwise={<Navigate to={home} replace />}>
      <Route index element={page} />
    </SectionRoutes>
  );
}
