import { useId, useState } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { useResource } from "../../../api/useResource";
import { RecordTable, type Column } from "../../../components/RecordTable";
import { StateMessage } from "../../../components/StateMessage";
import { formatDateTime } from "../../../format/dateTime";
import { t } from "../../../i18n/catalogue";
import type { Schemas } from "../../../api/schemas";

type Offender = Schemas["OffenderOut"];

/** Most unpaid tickets first, then most tickets: who to stop at the next checkpoint. */
export function rankOffenders(offenders: readonly Offender[]): Offender[] {
  return [...offenders].sort((a, b) => b.unpaid - a.unpaid || b.tickets - a.tickets || a.plate.localeCompare(b.plate));
}

const columns = (): Column<Offender>[] => [
  { header: t("offenders.plate"), cell: (o) => <span className="plate-text">{o.plate}</span>, rowHeader: true },
  { header: t("offenders.tickets"), cell: (o) => o.tickets, className: "num" },
  { header: t("offenders.unpaid"), cell: (o) => o.unpaid, className: "num" },
  { header: t("offenders.unpaidAmount"), cell: (o) => o.unpaid_amount, className: "num" },
  { header: t("offenders.last"), cell: (o) => <time dateTime={o.last_at}>{formatDateTime(o.last_at)}</time> },
];

/** /challan/offenders: plates with at least N tickets (`GET /api/v1/challan/offenders`). */
export function OffendersPanel() {
  const { client } = useAuth();
  const [minTickets, setMinTickets] = useState(2);
  const id = useId();
  const { resource } = useResource(
    (signal) => client.GET("/api/v1/challan/offenders", { params: { query: { min_tickets: minTickets } }, signal }),
    [client, minTickets],
  );
  const rows = rankOffenders(resource.data ?? []);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("offenders.title")}</h2>
      <div className="field field-inline">
        <label htmlFor={`${id}-min`}>{t("offenders.minTickets")}</label>
        <input
          id={`${id}-min`}
          type="number"
          min={2}
          max={1000}
          value={minTickets}
          onChange={(event) => setMinTickets(Math.max(2, Math.min(1000, Number(event.target.value) || 2)))}
        />
      </div>
      <StateMessage
        resource={resource}
        what={t("challan.offenders.repeatOffenders")}
        empty={resource.status === "ready" && rows.length === 0 ? <p className="state">{t("offenders.empty")}</p> : null}
      />
      {rows.length > 0 ? (
        <RecordTable rows={rows} rowKey={(o) => o.plate} columns={columns()} caption={t("offenders.title")} testId="offenders" />
      ) : null}
    </section>
  );
}
