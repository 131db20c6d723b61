import { Link } from "react-router";
import { RecordTable, type Column } from "../../components/RecordTable";
import { formatDateTime } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { dispositionLabel, type Call } from "./call";

const columns = (): Column<Call>[] => [
  { header: t("helpline.when"), cell: (c) => <time dateTime={c.received_at}>{formatDateTime(c.received_at)}</time> },
  { header: t("helpline.disposition"), cell: (c) => dispositionLabel(c.disposition) },
  {
    header: t("incidents.title"),
    cell: (c) => (c.incident_id ? <Link to={`/incidents/${c.incident_id}`}>#{c.incident_id}</Link> : "—"),
  },
  { header: t("helpline.takenBy"), cell: (c) => c.taken_by },
  { header: t("common.notes"), cell: (c) => c.notes || "—" },
];

/** The caller's earlier calls, newest first, so a call-taker knows a repeat or prank caller at once. */
export function CallerHistory({ calls, error }: { calls: Call[] | null; error: string | null }) {
  return (
    <section className="card" aria-labelledby="caller-history-title" data-testid="caller-history">
      <h2 id="caller-history-title">{t("helpline.history")}</h2>
      {error ? <p className="state state-error">{error}</p> : null}
      {calls === null ? (
        <p className="muted">{t("helpline.historyHint")}</p>
      ) : calls.length === 0 ? (
        <p className="muted">{t("helpline.historyEmpty")}</p>
      ) : (
        <RecordTable rows={calls} rowKey={(c) => c.id} columns={columns()} caption={t("helpline.history")} />
      )}
    </section>
  );
}
