import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api as defaultClient, type ApiClient, type Session } from "../api/client";
import { can } from "./permissions";
import { refreshDelayMs } from "./refreshTiming";
import { useIdle } from "./useIdle";

interface AuthValue {
  client: ApiClient;
  session: Session | null;
  /** True while a window without a session of its own (a pop-out, a reload) resumes the login from its cookie. */
  resuming: boolean;
  /** True when the last session ended by itself (401 or expiry), so the login page can say why. */
  expired: boolean;
  /** Idle lock: the page stays, the user must give their password again. */
  locked: boolean;
  login: (username: string, password: string) => Promise<Session>;
  logout: () => void;
  can: (...anyOf: string[]) => boolean;
  /** An unattended screen (a video-wall pop-out) keeps the console from locking while mounted; returns the release. */
  holdIdleLock: () => () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ client = defaultClient, children }: { client?: ApiClient; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(client.currentSession);
  const [resuming, setResuming] = useState(client.currentSession === null);
  const [expired, setExpired] = useState(false);
  const [locked, setLocked] = useState(client.isLocked);

  useEffect(
    () =>
      client.onSessionEnd(() => {
        setSession(null);
        setLocked(false);
        setExpired(true);
      }),
    [client],
  );

  // A window opened without a session (pop-out, new tab, reload after expiry) resumes the login from its cookie.
  useEffect(() => {
    if (client.currentSession) return;
    let live = true;
    client.resume().then((resumed) => {
      if (!live) return;
      if (resumed) setSession(resumed);
      setResuming(false);
    });
    return () => {
      live = false;
    };
  }, [client]);

  // Refresh silently before the access token ends; when the login is over, end the session instead of failing later.
  useEffect(() => {
    if (!session || locked) return;
    const timer = setTimeout(() => {
      client.refresh().then((next) => {
        if (next) setSession(next);
        else if (!client.isLocked) client.logout();
      });
    }, refreshDelayMs(session));
    return () => clearTimeout(timer);
  }, [client, session, locked]);

  const lockNow = useCallback(() => {
    client.lock();
    setLocked(true);
  }, [client]);
  const [idleHolds, setIdleHolds] = useState(0);
  const holdIdleLock = useCallback(() => {
    setIdleHolds((n) => n + 1);
    return () => setIdleHolds((n) => n - 1);
  }, []);
  const idleSeconds = session && !locked && idleHolds === 0 ? (session.idleLockSeconds ?? 0) : 0;
  useIdle(idleSeconds, lockNow);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await client.login(username, password);
      setExpired(false);
      setLocked(false);
      setSession(next);
      return next;
    },
    [client],
  );

  const logout = useCallback(() => {
    client.logout();
    setExpired(false);
    setLocked(false);
    setSession(null);
  }, [client]);

  const value = useMemo<AuthValue>(
    () => ({
      client,
      session,
      resuming,
      expired,
      locked,
      login,
      logout,
      can: (...anyOf: string[]) => can(session?.user.permissions ?? [], anyOf),
      holdIdleLock,
    }),
    [client, session, resuming, expired, locked, login, logout, holdIdleLock],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside <AuthProvider>");
  return value;
}
