import { useState, type ReactNode } from "react";
import type { ApiClient } from "../../../api/client";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { useArrivalMessage } from "../../../components/arrivalMessage";
import { RecordTable, type Column } from "../../../components/RecordTable";
import { StateMessage } from "../../../components/StateMessage";
import { StatusLine, type Status } from "./StatusLine";

interface ListViewProps<Row extends { id: string | number }> {
  /** Starts the ids of the heading, the status line and the table: `${name}-title`, `-status`, `-table`. */
  name: string;
  title: string;
  /** What the list holds, in "could not load …"; and what an empty list says. */
  what: string;
  empty: string;
  load: (client: ApiClient, signal: AbortSignal) => Promise<Row[]>;
  columns: () => readonly Column<Row>[];
  /** Rows shown dimmed (not matched against). */
  disabled: (row: Row) => boolean;
  caption: string;
  /** The create form; `saved(text)` says `text` in the status line and reloads the list. */
  form: (saved: (text: string) => void) => ReactNode;
}

/** A watchlist's listing (face subjects, vehicle hotlists): its table, the last outcome, and a form to add. */
export function ListView<Row extends { id: string | number }>(props: ListViewProps<Row>) {
  const { name, title, what, empty, load, columns, disabled, caption, form } = props;
  const { client } = useAuth();
  const { resource, reload } = useResource((signal) => load(client, signal), [client]);
  const arrived = useArrivalMessage();
  const [status, setStatus] = useState<Status | null>(() => (arrived ? { kind: "ok", text: arrived } : null));
  const rows = resource.data;

  return (
    <section aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`}>{title}</h2>
      <StatusLine status={status} testId={`${name}-status`} />
      <StateMessage resource={resource} what={what} empty={rows?.length === 0 ? <p className="state">{empty}</p> : null} />
      {rows && rows.length > 0 ? (
        <RecordTable
          rows={rows}
          rowKey={(row) => row.id}
          columns={columns()}
          rowClassName={(row) => (disabled(row) ? "row-disabled" : undefined)}
          caption={caption}
          testId={`${name}-table`}
        />
      ) : null}
      {form((text) => {
        setStatus({ kind: "ok", text });
        reload();
      })}
    </section>
  );
}
