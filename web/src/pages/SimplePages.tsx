import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </section>
  );
}

export function ForbiddenPage() {
  return (
    <section>
      <h1>Not permitted</h1>
      <p>Your role does not include this page. Ask a supervisor or administrator if you need it.</p>
    </section>
  );
}

export function NoPagesPage() {
  return (
    <section>
      <h1>Nothing to show</h1>
      <p>Your role has no console pages yet. Ask an administrator to check your role.</p>
    </section>
  );
}
