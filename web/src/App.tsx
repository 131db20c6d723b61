import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import type { ApiClient } from "./api/client";
import { AuthProvider, useAuth } from "./auth/AuthContext";
import { LockScreen } from "./auth/LockScreen";
import { homePath, NAV_ITEMS, Permission, type PermissionName } from "./auth/permissions";
import { Layout } from "./components/Layout";
import { AuditPage } from "./pages/AuditPage";
import { LivePage } from "./pages/LivePage";
import { LoginPage } from "./pages/LoginPage";
import { ForbiddenPage, NoPagesPage, NotFoundPage } from "./pages/SimplePages";
import { SystemPage } from "./pages/SystemPage";
import { UsersPage } from "./pages/UsersPage";
import { t } from "./i18n/catalogue";

const PAGES: Record<string, () => ReactNode> = {
  "/live": () => <LivePage />,
  "/admin/users": () => <UsersPage />,
  "/audit": () => <AuditPage />,
  "/system": () => <SystemPage />,
};

/**
 * Each work area lives in its own folder, `pages/<area>/Page.tsx` with a default export, and is loaded on
 * first visit so the login and live pages stay small. The area's page routes its own sub-paths.
 */
const AREA_OF_PATH: Record<string, string> = {
  "/alerts": "alerts",
  "/incidents": "incidents",
  "/helpline": "helpline",
  "/panic": "panic",
  "/reports": "reports",
  "/unit": "unit",
  "/search": "search",
  "/challan": "challan",
  "/evidence": "evidence",
  "/dashboards": "dashboards",
  "/analytics": "analytics",
  "/city-data": "citydata",
  "/persons": "persons",
  "/admin/cameras": "cameras",
  "/admin/watchlists": "watchlists",
  "/admin/retention": "retention",
};

const AREA_MODULES = import.meta.glob<{ default: ComponentType }>("./pages/*/Page.tsx");

const AREA_PAGES: Record<string, ComponentType> = Object.fromEntries(
  Object.entries(AREA_OF_PATH).flatMap(([path, area]) => {
    const load = AREA_MODULES[`./pages/${area}/Page.tsx`];
    return load ? [[path, lazy(load)]] : [];
  }),
);

/** Recorded footage of one camera, opened from alerts, incidents, searches and the live view (not in the menu). */
const PlaybackPage = lazy(() => import("./pages/playback/PlaybackPage"));

/** A page loaded on its first visit, with a status line until it has arrived. */
function LazyPage({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <Page />
    </Suspense>
  );
}

function pageFor(path: string): ReactNode {
  const builtIn = PAGES[path];
  if (builtIn) return builtIn();
  const AreaPage = AREA_PAGES[path];
  return AreaPage ? <LazyPage page={AreaPage} /> : <NotFoundPage />;
}

function RequireSession({ children }: { children: ReactNode }) {
  const { session, resuming, locked } = useAuth();
  const location = useLocation();
  if (!session && resuming) return <p role="status">{t("app.resumingYourSession")}</p>;
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <>
      {children}
      {locked ? <LockScreen /> : null}
    </>
  );
}

function RequirePermission({ anyOf, children }: { anyOf: PermissionName[]; children: ReactNode }) {
  const { can } = useAuth();
  return can(...anyOf) ? <>{children}</> : <ForbiddenPage />;
}

function Home() {
  const { session } = useAuth();
  const home = session ? homePath(session.user.permissions) : null;
  return home ? <Navigate to={home} replace /> : <NoPagesPage />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        {NAV_ITEMS.map((item) => (
          <Route
            key={item.path}
            path={`${item.path}/*`}
            element={<RequirePermission anyOf={item.anyOf}>{pageFor(item.path)}</RequirePermission>}
          />
        ))}
        <Route
          path="/cameras/:cameraId/playback"
          element={
            <RequirePermission anyOf={[Permission.EVENTS_READ]}>
              <LazyPage page={PlaybackPage} />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App({ client }: { client?: ApiClient }) {
  return (
    <AuthProvider client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AuthProvider>
  );
}
