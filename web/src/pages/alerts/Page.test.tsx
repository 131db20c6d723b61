import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fakes";
import { renderPage as renderWithSession } from "../../test/renderPage";
import AlertsPage from "./Page";
import { makeAlert, makeCandidate } from "./testData";
import type { Alert, FaceCandidate } from "./types";

/** Stands in for the browser WebSocket so tests can push live events. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  readyState = 1;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(): void {}
  close(): void {}
  push(data: object): void {
    act(() => this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(data) })));
  }
}

type Handler = (url: URL, init: RequestInit) => Response | undefined;

const OPERATOR = ["events.read", "cameras.read", "alerts.act", "incidents.manage", "faces.confirm"];

function serve(alerts: Alert[], extra: Handler = () => undefined) {
  return vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://console.test");
    const answered = extra(url, init);
    if (answered) return answered;
    if (url.pathname === "/api/v1/alerts") return jsonResponse(200, alerts);
    if (url.pathname === "/api/v1/auth/media-ticket")
      return jsonResponse(200, { ticket: "tkt-1", expires_at: new Date(Date.now() + 60_000).toISOString() });
    if (url.pathname === "/api/v1/cameras") return jsonResponse(200, [{ id: "cam-1", name: "Kalma Chowk" }]);
    if (url.pathname === "/api/v1/incident-types")
      return jsonResponse(200, [
        { code: "street_crime", label: "Street crime", priority: 2, capability: "police" },
        { code: "other", label: "Other", priority: 3, capability: "police" },
      ]);
    return jsonResponse(404, { detail: "Not Found" });
  });
}

function renderPage(fetchImpl: ReturnType<typeof serve>, path = "/alerts", permissions = OPERATOR) {
  renderWithSession(<AlertsPage />, { permissions, user: { username: "alice" }, fetch: fetchImpl, path, route: "/alerts/*" });
  return { user: userEvent.setup() };
}

function calls(fetchImpl: ReturnType<typeof serve>, method: string, pathname: string) {
  return fetchImpl.mock.calls.filter(
    ([input, init]) => (init?.method ?? "GET") === method && new URL(input, "http://console.test").pathname === pathname,
  );
}

const queueOptions = () => within(screen.getByRole("listbox", { name: "Alert queue" })).queryAllByRole("option");
const optionTitles = () => queueOptions().map((o) => o.querySelector(".alert-title")?.textContent);
/** The queue, focused (the keyboard shortcuts act on it) once the alert titled `title` is listed. */
async function focusedQueue(title: string) {
  const queue = await screen.findByRole("listbox", { name: "Alert queue" });
  await screen.findByText(title);
  act(() => queue.focus());
  return queue;
}
/** The details panel shows once the first alert is active. */
const detailOf = (title: string) => screen.findByRole("heading", { name: new RegExp(`^Alert \\d+: ${title}$`) });

beforeEach(() => {
  FakeSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeSocket);
});
afterEach(() => vi.unstubAllGlobals());

describe("the alert queue", () => {
  it("lists open alerts most urgent first with camera, type, severity and status", async () => {
    renderPage(
      serve([
        makeAlert({ id: 1, title: "Crossing", severity: "medium" }),
        makeAlert({ id: 2, title: "Crowd at gate", severity: "high", source_topic: "rule.crowd" }),
      ]),
    );
    const queue = await screen.findByRole("listbox", { name: "Alert queue" });
    await waitFor(() => expect(optionTitles()).toEqual(["Crowd at gate", "Crossing"]));
    const first = within(queue).getAllByRole("option")[0] as HTMLElement;
    expect(first).toHaveTextContent("High");
    expect(first).toHaveTextContent("Video rule: crowd");
    expect(first).toHaveTextContent("Kalma Chowk");
    expect(within(first).getByTestId("alert-status")).toHaveTextContent("New");
  });

  it("adds an alert that arrives on the live socket, in order, and announces it", async () => {
    renderPage(serve([makeAlert({ id: 1, title: "Crossing" })]));
    await screen.findByText("Crossing");
    // The socket opens once its media ticket arrived (the URL carries the ticket, never the access token).
    const socket = await waitFor(() => FakeSocket.instances[0] ?? Promise.reject(new Error("no socket yet")));
    expect(socket.url).toContain("topics=alert.%3E");
    expect(socket.url).toContain("ticket=tkt-1");
    socket.push({
      id: "ev-1",
      type: "alert.created",
      time: "2025-05-01T10:02:00Z",
      camera_id: null,
      source: null,
      payload: {},
      action: "created",
      actor: "panic-app",
      alert: makeAlert({ id: 5, title: "PANIC: Ayesha", kind: "panic", severity: "critical", camera_id: null }),
    });
    expect(optionTitles()).toEqual(["PANIC: Ayesha", "Crossing"]);
    expect(screen.getByTestId("alerts-announcement")).toHaveTextContent("New critical alert 5: PANIC: Ayesha");
  });

  it("moves with the keyboard and acknowledges the active alert with a", async () => {
    const fetchImpl = serve(
      [makeAlert({ id: 1, title: "First", severity: "high" }), makeAlert({ id: 2, title: "Second" })],
      (url, init) =>
        init.method === "POST" && url.pathname === "/api/v1/alerts/2/acknowledge"
          ? jsonResponse(200, makeAlert({ id: 2, title: "Second", status: "acknowledged", updated_at: "2025-05-01T11:00:00Z" }))
          : undefined,
    );
    const { user } = renderPage(fetchImpl);
    const queue = await focusedQueue("Second");
    await user.keyboard("{ArrowDown}");
    expect(queue).toHaveAttribute("aria-activedescendant", "alert-option-2");
    await user.keyboard("k");
    expect(queue).toHaveAttribute("aria-activedescendant", "alert-option-1");
    await user.keyboard("j");
    await user.keyboard("a");
    await waitFor(() => expect(calls(fetchImpl, "POST", "/api/v1/alerts/2/acknowledge")).toHaveLength(1));
    const second = queueOptions()[1] as HTMLElement;
    await waitFor(() => expect(within(second).getByTestId("alert-status")).toHaveTextContent("Acknowledged"));
    expect(screen.getByTestId("alerts-announcement")).toHaveTextContent("Alert 2 acknowledged.");
  });

  it("opens the details with Enter and returns to the queue with Escape", async () => {
    const { user } = renderPage(serve([makeAlert({ id: 3, title: "Crossing" })]));
    const queue = await focusedQueue("Crossing");
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { name: "Alert 3: Crossing" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(queue).toHaveFocus();
  });

  it("ignores shortcuts while typing in an input", async () => {
    const fetchImpl = serve([makeAlert({ id: 1, title: "Crossing" })]);
    const { user } = renderPage(fetchImpl);
    await detailOf("Crossing");
    await user.type(screen.getByLabelText("Assign to user"), "ad");
    expect(screen.getByLabelText("Assign to user")).toHaveValue("ad");
    expect(calls(fetchImpl, "POST", "/api/v1/alerts/1/acknowledge")).toHaveLength(0);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("shows a 409 next to the actions and refreshes the alert", async () => {
    const fetchImpl = serve([makeAlert({ id: 4, title: "Crossing" })], (url, init) => {
      if (url.pathname === "/api/v1/alerts/4/acknowledge")
        return jsonResponse(409, { detail: "an alert in state 'acknowledged' cannot become 'acknowledged'" });
      if (init.method !== "POST" && url.pathname === "/api/v1/alerts/4")
        return jsonResponse(
          200,
          makeAlert({ id: 4, title: "Crossing", status: "acknowledged", acknowledged_by: "bob", updated_at: "2025-05-01T12:00:00Z" }),
        );
      return undefined;
    });
    const { user } = renderPage(fetchImpl);
    await detailOf("Crossing");
    await user.click(screen.getByRole("button", { name: /^Acknowledge/ }));
    const group = screen.getByRole("group", { name: "Actions" });
    expect(await within(group).findByRole("alert")).toHaveTextContent(
      "Conflict: an alert in state 'acknowledged' cannot become 'acknowledged'",
    );
    // Someone else acknowledged it first: the refreshed alert says who, and the button is gone.
    expect(await screen.findByText("bob")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Acknowledge/ })).not.toBeInTheDocument();
  });

  it("hides actions the status does not allow and says so for a shortcut", async () => {
    const { user } = renderPage(serve([makeAlert({ id: 6, title: "Old", status: "resolved" })]), "/alerts");
    await user.selectOptions(await screen.findByLabelText("Status"), "");
    await detailOf("Old");
    expect(screen.queryByRole("button", { name: /^Acknowledge/ })).not.toBeInTheDocument();
    expect(screen.getByText(/No actions: this alert is resolved/)).toBeInTheDocument();
    await user.keyboard("a"); // ignored: focus is still in the Status select
    expect(within(screen.getByRole("group", { name: "Actions" })).queryByRole("alert")).not.toBeInTheDocument();
    act(() => screen.getByRole("listbox", { name: "Alert queue" }).focus());
    await user.keyboard("a");
    expect(within(screen.getByRole("group", { name: "Actions" })).getByRole("alert")).toHaveTextContent(
      "Alert 6 is resolved: it cannot be acknowledged.",
    );
  });

  it("dismisses only with a reason, in a dialog that Escape cancels", async () => {
    const fetchImpl = serve([makeAlert({ id: 8, title: "Crossing" })], (url) =>
      url.pathname === "/api/v1/alerts/8/dismiss"
        ? jsonResponse(200, makeAlert({ id: 8, status: "dismissed", updated_at: "2025-05-01T12:00:00Z" }))
        : undefined,
    );
    const { user } = renderPage(fetchImpl);
    const queue = await focusedQueue("Crossing");
    await user.keyboard("d");
    const dialog = screen.getByRole("dialog", { name: "Dismiss alert 8" });
    expect(screen.getByLabelText("Reason (required)")).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Dismiss alert" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Give a reason of at least 3 characters.");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(queue).toHaveFocus();

    await user.keyboard("d");
    await user.type(screen.getByLabelText("Reason (required)"), "Bird on the lens");
    await user.click(screen.getByRole("button", { name: "Dismiss alert" }));
    await waitFor(() => expect(queueOptions()).toHaveLength(0));
    const [, init] = calls(fetchImpl, "POST", "/api/v1/alerts/8/dismiss")[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ reason: "Bird on the lens" });
    expect(screen.getByTestId("alerts-announcement")).toHaveTextContent("Alert 8 dismissed.");
  });

  it("creates an incident with i and links to it", async () => {
    const report = makeAlert({ id: 9, title: "Report: snatching", kind: "citizen_report", details: { service_code: "street_crime" } });
    const fetchImpl = serve([report], (url, init) => {
      if (url.pathname === "/api/v1/alerts/9/incident")
        return jsonResponse(201, { id: 31, type: "street_crime", priority: 2, status: "new", title: "Report: snatching" });
      if (init.method !== "POST" && url.pathname === "/api/v1/alerts/9")
        return jsonResponse(200, { ...report, incident_id: 31, updated_at: "2025-05-01T12:00:00Z" });
      return undefined;
    });
    const { user } = renderPage(fetchImpl);
    await detailOf("Report: snatching");
    await user.keyboard("i");
    const dialog = screen.getByRole("dialog", { name: "Create incident from alert 9" });
    await within(dialog).findByRole("option", { name: /Street crime/ });
    expect(within(dialog).getByLabelText("Incident type")).toHaveValue("street_crime");
    await user.click(within(dialog).getByRole("button", { name: "Create incident" }));
    expect(await screen.findByRole("link", { name: "Open incident 31" })).toHaveAttribute("href", "/incidents/31");
    expect(await screen.findByRole("link", { name: "Incident 31" })).toHaveAttribute("href", "/incidents/31");
    const [, init] = calls(fetchImpl, "POST", "/api/v1/alerts/9/incident")[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ type: "street_crime", title: "Report: snatching" });
  });

  it("assigns to me without the user list when the role may not read it", async () => {
    const fetchImpl = serve([makeAlert({ id: 2, title: "Crossing" })], (url) =>
      url.pathname === "/api/v1/alerts/2/assign"
        ? jsonResponse(200, makeAlert({ id: 2, status: "assigned", assigned_user: "alice", updated_at: "2025-05-01T12:00:00Z" }))
        : undefined,
    );
    const { user } = renderPage(fetchImpl);
    await detailOf("Crossing");
    await user.click(screen.getByRole("button", { name: "Assign to me" }));
    await screen.findByText("Alert 2 assigned to alice.", { selector: "[data-testid=alert-action-message]" });
    expect(calls(fetchImpl, "GET", "/api/v1/users")).toHaveLength(0);
    const [, init] = calls(fetchImpl, "POST", "/api/v1/alerts/2/assign")[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({ user: "alice" });
  });
});

describe("face candidates", () => {
  function serveCandidates(candidate: FaceCandidate, decide: () => Response) {
    return serve([], (url, init) => {
      if (url.pathname === "/api/v1/faces/candidates") return jsonResponse(200, [candidate]);
      if (url.pathname === `/api/v1/faces/candidates/${candidate.id}/decisions` && init.method === "POST") return decide();
      if (url.pathname.startsWith("/api/v1/media/")) return new Response(new Blob(["x"]), { status: 200 });
      return undefined;
    });
  }

  it("asks for a purpose, shows the two-person state and the server's refusal of a second decision", async () => {
    URL.createObjectURL = vi.fn(() => "blob:face");
    URL.revokeObjectURL = vi.fn();
    const candidate = makeCandidate({
      decisions: [{ username: "alice", role: "operator", decision: "confirm", note: "", created_at: "2025-05-01T10:01:00Z" }],
    });
    const fetchImpl = serveCandidates(candidate, () =>
      jsonResponse(409, { detail: "alice has already decided on candidate 7" }),
    );
    const { user } = renderPage(fetchImpl, "/alerts/faces");
    await user.click(screen.getByRole("button", { name: "Review face candidates" }));
    await user.type(screen.getByLabelText("Purpose (required)"), "Shift review of candidates");
    await user.click(screen.getByRole("button", { name: "Continue" }));

    const card = await screen.findByTestId("face-candidate");
    expect(within(card).getByTestId("two-person-state")).toHaveTextContent(
      "First confirmation by alice (you). Awaiting a second, different user: you cannot confirm twice.",
    );
    expect(await within(card).findByRole("img", { name: "Watchlist image of Wanted Person" })).toBeInTheDocument();
    expect(within(card).getByRole("img", { name: "Sighting crop, Kalma Chowk" })).toBeInTheDocument();
    const listed = new URL(String(calls(fetchImpl, "GET", "/api/v1/faces/candidates")[0]?.[0]), "http://console.test");
    expect(listed.searchParams.get("purpose")).toBe("Shift review of candidates");
    expect(listed.searchParams.get("status")).toBe("pending");

    await user.click(within(card).getByRole("button", { name: "Confirm candidate 7" }));
    expect(await within(card).findByRole("alert")).toHaveTextContent(
      "Conflict: alice has already decided on candidate 7",
    );
    const decided = new URL(String(calls(fetchImpl, "POST", "/api/v1/faces/candidates/7/decisions")[0]?.[0]), "http://console.test");
    expect(decided.searchParams.get("purpose")).toBe("Shift review of candidates");
  });

  it("is hidden from a role without faces.confirm", async () => {
    renderPage(serve([]), "/alerts/faces", ["events.read", "alerts.act"]);
    expect(screen.queryByRole("link", { name: "Face candidates" })).not.toBeInTheDocument();
    expect(screen.getByText("Your role may not review face candidates.")).toBeInTheDocument();
  });
});
