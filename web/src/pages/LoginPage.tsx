import { FieldError, FormField } from "../components/FormField";
import { useRef, useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../api/client";
import { useMutation } from "../api/useMutation";
import { useAuth } from "../auth/AuthContext";
import { PasswordField } from "../auth/PasswordField";
import { landingPath } from "../auth/permissions";
import { t } from "../i18n/catalogue";

export function LoginPage() {
  const { session, login, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const passwordRef = useRef<HTMLInputElement>(null);
  const from = (location.state as { from?: string } | null)?.from;
  const { busy, error, run } = useMutation((name: string, secret: string) => login(name, secret), {
    onSuccess: (next) => navigate(landingPath(from, next.user.permissions), { replace: true }),
    describe: loginError,
  });

  if (session) return <Navigate to={landingPath(from, session.user.permissions)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(username.trim(), password)) return;
    setPassword("");
    passwordRef.current?.focus();
  };

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={submit} aria-describedby={error ? "login-error" : undefined}>
        <h1>
          {t("login.safecity")}{" "}<span className="muted">{t("login.console")}</span>
        </h1>
        {expired && !error ? (
          <p className="state" role="status">
            {t("login.yourSessionEndedPlease")}
          </p>
        ) : null}
        <FormField id="username" label={t("login.username")}>
          {(control) => (
            <input
              {...control}
              name="username"
              autoComplete="username"
              autoFocus
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </FormField>
        <PasswordField
          id="password"
          ref={passwordRef}
          name="password"
          label={t("login.password")}
          value={password}
          onChange={setPassword}
        />
        {error ? <FieldError id="login-error">{error}</FieldError> : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("login.loggingIn") : t("login.logIn")}
        </button>
      </form>
    </main>
  );
}

export function loginError(caught: unknown): string {
  if (caught instanceof ApiError) {
    if (caught.status === 401) return t("login.wrongUsernameOrPassword");
    if (caught.status === 429)
      return t("login.tooManyAttemptsTry", { retryAfterSeconds: caught.retryAfterSeconds ?? 60 });
    return t("login.loginFailed", { detail: caught.detail });
  }
  return t("login.cannotReachTheServer");
}
