import type { ReactNode } from "react";
import { Navigate, Route, Routes } from "react-router";

/** The routes of an area with one page: the page at the area's root, any other path back to it (`home`). */
export function SinglePageRoutes({ page, home }: { page: ReactNode; home: string }) {
  return (
    <Routes>
      <Route index element={page} />
      <Route path="*" element={<Navigate to={home} replace />} />
    </Routes>
  );
}
