import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// CI shares two cores with PostgreSQL, NATS and the Python suite: a `findBy…` that takes 100 ms alone can take
// seconds there. A hang guard, not a timing check (the default is one second).
configure({ asyncUtilTimeout: 15_000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
