import { FieldError } from "../components/FormField";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "../api/useMutation";
import { useAuth } from "./AuthContext";
import { PasswordField } from "./PasswordField";
import { loginError } from "../pages/LoginPage";
import "./lock.css";
import { t } from "../i18n/catalogue";

/**
 * The idle lock: an opaque layer over the page (which stays as it was, scroll and inputs included) asking the
 * same user for their password. Another user logs out instead, which leaves the page.
 */
export function LockScreen() {
  const { session, login, logout } = useAuth();
  const [password, setPassword] = useState("");
  const field = useRef<HTMLInputElement>(null);
  const username = session?.user.username ?? "";
  const { busy, error, run } = useMutation((secret: string) => login(username, secret), { describe: loginError });

  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(password);
  };

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form className="login-card" onSubmit={submit}>
        <h1 id="lock-title">{t("auth.consoleLocked")}</h1>
        <p className="muted">
          {t("auth.lockedAfterAWhile")}{" "}<strong>{username}</strong>{" "}{t("auth.toContinueWhereYou")}
        </p>
        <PasswordField id="lock-password" ref={field} label={t("auth.password")} value={password} onChange={setPassword} />
        {error ? <FieldError>{error}</FieldError> : null}
        <div className="toolbar">
          <button type="submit" className="btn" disabled={busy || !password}>
            {t("auth.unlock")}
          </button>
          <button type="button" className="btn btn-quiet" onClick={logout}>
            {t("auth.logOut")}
          </button>
        </div>
      </form>
    </div>
  );
}
