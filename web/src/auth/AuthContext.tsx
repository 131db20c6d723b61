import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api as defaultClient, type ApiClient, type Session } from "../api/client";
import { can } from "./permissions";

interface AuthValue {
  client: ApiClient;
  session: Session | null;
  /** True when the last session ended by itself (401 or expiry), so the login page can say why. */
  expired: boolean;
  login: (username: string, password: string) => Promise<Session>;
  logout: () => void;
  can: (...anyOf: string[]) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ client = defaultClient, children }: { client?: ApiClient; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(client.currentSession);
  const [expired, setExpired] = useState(false);

  useEffect(
    () =>
      client.onSessionEnd(() => {
        setSession(null);
        setExpired(true);
      }),
    [client],
  );

  // Log out when the token expires, instead of failing on the next click.
  useEffect(() => {
    if (!session) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => client.logout(), Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [client, session]);

  const login = useCallback(
    async (username: string, password: string) => {
      const next = await client.login(username, password);
      setExpired(false);
      setSession(next);
      return next;
    },
    [client],
  );

  const logout = useCallback(() => {
    client.logout();
    setExpired(false);
    setSession(null);
  }, [client]);

  const value = useMemo<AuthValue>(
    () => ({
      client,
      session,
      expired,
      login,
      logout,
      can: (...anyOf: string[]) => can(session?.user.permissions ?? [], anyOf),
    }),
    [client, session, expired, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside <AuthProvider>");
  return value;
}
