import { Link } from "react-router";
import { t } from "../i18n/catalogue";

export function NotFoundPage() {
  return (
    <section>
      <h1>{t("simple.pageNotFound")}</h1>
      <p>
        <Link to="/">{t("simple.goToTheStart")}</Link>
      </p>
    </section>
  );
}

export function ForbiddenPage() {
  return (
    <section>
      <h1>{t("simple.notPermitted")}</h1>
      <p>{t("simple.yourRoleDoesNot")}</p>
    </section>
  );
}

export function NoPagesPage() {
  return (
    <section>
      <h1>{t("simple.nothingToShow")}</h1>
      <p>{t("simple.yourRoleHasNo")}</p>
    </section>
  );
}
