import type { ReactNode } from "react";
import { Link } from "react-router";
import { t } from "../i18n/catalogue";

/** A page that only says something: a heading and a line below it. */
function MessagePage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h1>{title}</h1>
      <p>{children}</p>
    </section>
  );
}

export function NotFoundPage() {
  return (
    <MessagePage title={t("simple.pageNotFound")}>
      <Link to="/">{t("simple.goToTheStart")}</Link>
    </MessagePage>
  );
}

export function ForbiddenPage() {
  return <MessagePage title={t("simple.notPermitted")}>{t("simple.yourRoleDoesNot")}</MessagePage>;
}

export function NoPagesPage() {
  return <MessagePage title={t("simple.nothingToShow")}>{t("simple.yourRoleHasNo")}</MessagePage>;
}
