import { useState } from "react";
import type { Schemas } from "../api/schemas";
import { useResource } from "../api/useResource";
import { useAuth } from "../auth/AuthContext";
import { FilterForm } from "../components/FilterForm";
import { StateMessage } from "../components/StateMessage";
import { TableHead } from "../components/TableHead";
import { formatDateTime } from "../format/dateTime";
import { auditVerdict } from "./auditVerdict";
import { t } from "../i18n/catalogue";

export const AUDIT_PAGE_SIZE = 50;

interface Filters {
  actor: string;
  action: string;
  since: string;
  until: string;
}

const NO_FILTERS: Filters = { actor: "", action: "", since: "", until: "" };

/** `<input type="datetime-local">` gives local time without a zone; the API wants an ISO instant. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function AuditPage() {
  const { client } = useAuth();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Cursors of the pages already seen, so "Newer" can go back; the last one is the current page.
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];

  const { resource, reload } = useResource(
    (signal) =>
      client.GET("/api/v1/audit", {
        signal,
        params: {
          query: {
            actor: filters.actor.trim(),
            action: filters.action.trim(),
            since: localToIso(filters.since),
            until: localToIso(filters.until),
            limit: AUDIT_PAGE_SIZE,
            before_seq: before,
          },
        },
      }),
    [client, filters, before],
  );
  const entries = resource.data ?? [];
  const oldest = entries[entries.length - 1]?.seq;

  const apply = () => {
    setFilters(draft);
    setCursors([undefined]);
    if (draft === filters) reload();
  };
  const clear = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setCursors([undefined]);
  };
  const field = (key: keyof Filters) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  return (
    <section>
      <div className="page-head">
        <h1>{t("audit.auditLog")}</h1>
        <VerifyChain />
      </div>
      <FilterForm
        label={t("audit.auditFilters")}
        applyLabel={t("audit.applyFilters")}
        onApply={apply}
        actions={
          <button type="button" className="btn btn-quiet" onClick={clear}>
            {t("audit.clear")}
          </button>
        }
      >
        <div className="field">
          <label htmlFor="audit-actor">{t("audit.actor")}</label>
          <input id="audit-actor" {...field("actor")} placeholder={t("audit.username")} />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("audit.action")}</label>
          <input id="audit-action" {...field("action")} placeholder={t("audit.userCreateOrPlate")} />
        </div>
        <div className="field">
          <label htmlFor="audit-since">{t("audit.from")}</label>
          <input id="audit-since" type="datetime-local" {...field("since")} />
        </div>
        <div className="field">
          <label htmlFor="audit-until">{t("audit.until")}</label>
          <input id="audit-until" type="datetime-local" {...field("until")} />
        </div>
      </FilterForm>
      <StateMessage
        resource={resource}
        what={t("audit.auditLog2")}
        empty={entries.length === 0 ? <p className="state">No entries match.</p> : null}
      />
      {entries.length > 0 ? <AuditTable entries={entries} /> : null}
      <div className="pager" role="group" aria-label={t("audit.auditPages")}>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t("audit.newer")}
        </button>
        <span>{t("audit.page", { count: cursors.length })}</span>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={entries.length < AUDIT_PAGE_SIZE || oldest === undefined}
          onClick={() => setCursors((c) => [...c, oldest])}
        >
          {t("audit.older")}
        </button>
      </div>
    </section>
  );
}

function AuditTable({ entries }: { entries: Schemas["AuditEntryOut"][] }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="audit-table">
        <TableHead columns={["#", t("audit.time"), t("audit.actor"), t("audit.action"), t("audit.object"), "Purpose / case", t("audit.client"), t("audit.details")]} />
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>
                <time dateTime={e.time}>{formatDateTime(e.time)}</time>
              </td>
              <td>
                {e.actor} {e.role ? <span className="muted">({e.role})</span> : null}
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{[e.object_type, e.object_id].filter(Boolean).join(": ")}</td>
              <td>{[e.purpose, e.case_ref].filter(Boolean).join(" — ")}</td>
              <td>{e.client_address}</td>
              <td>
                <code className="details">{e.details === "{}" ? "" : e.details}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VerifyChain() {
  const { client } = useAuth();
  const [state, setState] = useState<
    { kind: "idle" } | { kind: "busy" } | { kind: "done"; report: Schemas["ChainReport"] } | { kind: "error"; text: string }
  >({ kind: "idle" });

  const verify = async () => {
    setState({ kind: "busy" });
    try {
      setState({ kind: "done", report: await client.GET("/api/v1/audit/verify") });
    } catch (caught) {
      setState({ kind: "error", text: caught instanceof Error ? caught.message : String(caught) });
    }
  };

  return (
    <div className="verify">
      <button type="button" className="btn btn-primary" onClick={() => void verify()} disabled={state.kind === "busy"}>
        {state.kind === "busy" ? t("audit.verifying") : t("audit.verifyChain")}
      </button>
      <div role="status" data-testid="verify-result">
        {state.kind === "done" ? (
          state.report.ok ? (
            <span className="pill pill-ok">
              <span className="dot" aria-hidden="true" />
              {auditVerdict(state.report)}
            </span>
          ) : (
            <span className="pill pill-unreachable">
              <span className="dot" aria-hidden="true" />
              {auditVerdict(state.report)}
            </span>
          )
        ) : null}
        {state.kind === "error" ? <span className="field-error">{t("audit.couldNotVerify", { text: state.text })}</span> : null}
      </div>
    </div>
  );
}
