import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation } from "../../../api/useMutation";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { useNavigateWithMessage } from "../../../components/arrivalMessage";
import { StateMessage } from "../../../components/StateMessage";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { formErrorsOf } from "../shared/apiErrors";
import { StatusLine, type Status } from "../shared/StatusLine";
import { HOTLISTS_PATH } from "../paths";
import { hotlistKindLabel, type Hotlist, type HotlistEntry } from "../types";
import { CsvImport } from "./CsvImport";
import { EntriesTable } from "./EntriesTable";
import { EntryForm } from "./EntryForm";
import { HotlistForm } from "./HotlistForm";
import { toleranceText } from "./HotlistsView";

const plates = (count: number) => `${count} ${count === 1 ? "plate" : "plates"}`;

function firstError(caught: unknown): string {
  return Object.values(formErrorsOf(caught, [])).join(" ");
}

/** One hotlist: its settings, its plates (add, edit, remove) and CSV import. */
export function HotlistDetail() {
  const { hotlistId = "" } = useParams();
  const id = Number(hotlistId);
  const { client } = useAuth();
  const navigateWithMessage = useNavigateWithMessage();
  const hotlistPath = { path: { hotlist_id: id } };
  const hotlist = useResource(
    (signal) => client.GET("/api/v1/hotlists/{hotlist_id}", { params: hotlistPath, signal }),
    [client, id],
  );
  const entries = useResource(
    (signal) => client.GET("/api/v1/hotlists/{hotlist_id}/entries", { params: hotlistPath, signal }),
    [client, id],
  );
  const [status, setStatus] = useState<Status | null>(null);
  const [editing, setEditing] = useState<HotlistEntry | null>(null);
  // Where keyboard focus goes when the control that had it disappears (a removed row, a closed editor).
  const platesHeadingRef = useRef<HTMLHeadingElement>(null);
  const closeEditor = () => {
    setEditing(null);
    platesHeadingRef.current?.focus();
  };

  const reloadAll = () => {
    hotlist.reload();
    entries.reload();
  };
  const list = hotlist.resource.data;
  const rows = entries.resource.data ?? [];
  const deleteList = useMutation(
    (deleted: Hotlist) => client.DELETE("/api/v1/hotlists/{hotlist_id}", { params: { path: { hotlist_id: deleted.id } } }),
    {
      onSuccess: (_, deleted) =>
        navigateWithMessage(HOTLISTS_PATH, `Deleted hotlist ${deleted.name} and its ${plates(deleted.entries)}.`),
      onError: (caught) => setStatus({ kind: "error", text: firstError(caught) }),
    },
  );
  const removeEntry = useMutation(
    (from: Hotlist, entry: HotlistEntry) =>
      client.DELETE("/api/v1/hotlists/{hotlist_id}/entries/{entry_id}", {
        params: { path: { hotlist_id: from.id, entry_id: entry.id } },
      }),
    {
      onSuccess: (_, from, entry) => {
        if (editing?.id === entry.id) setEditing(null);
        platesHeadingRef.current?.focus();
        setStatus({ kind: "ok", text: `Removed ${entry.plate} from ${from.name}.` });
        reloadAll();
      },
      onError: (caught, _from, entry) =>
        setStatus({ kind: "error", text: `Could not remove ${entry.plate}: ${firstError(caught)}` }),
    },
  );

  if (!list)
    return (
      <section>
        <BackLink />
        <StateMessage resource={hotlist.resource} what="this hotlist" />
      </section>
    );


  return (
    <section aria-labelledby="hotlist-title">
      <BackLink />
      <div className="section-head">
        <h2 id="hotlist-title">Hotlist {list.name}</h2>
        <ConfirmButton
          label="Delete hotlist"
          question={`Delete ${list.name} and its ${plates(list.entries)}?`}
          confirmLabel="Delete hotlist"
          onConfirm={() => deleteList.run(list)}
        />
      </div>
      <p className="muted" data-testid="hotlist-summary">
        {hotlistKindLabel(list.kind)} · {list.active ? "Active" : "Inactive (not matched)"} ·{" "}
        {toleranceText(list.edit_budget)} · {plates(list.entries)} · created by{" "}
        {list.created_by}
      </p>
      <StatusLine status={status} testId="hotlist-status" />
      {editing ? (
        <EntryForm
          key={editing.id}
          hotlistId={list.id}
          entry={editing}
          existing={rows}
          onCancel={closeEditor}
          onSaved={(saved) => {
            closeEditor();
            setStatus({ kind: "ok", text: `Saved entry ${saved.plate}.` });
            reloadAll();
          }}
        />
      ) : (
        <EntryForm
          hotlistId={list.id}
          entry={null}
          existing={rows}
          onSaved={(saved, wasOnList) => {
            setStatus({
              kind: "ok",
              text: wasOnList ? `${saved.plate} was already on the list: entry updated.` : `Added ${saved.plate}.`,
            });
            reloadAll();
          }}
        />
      )}
      <h2 ref={platesHeadingRef} tabIndex={-1}>
        Plates on {list.name}
      </h2>
      <StateMessage resource={entries.resource} what="plates" />
      {entries.resource.data ? <EntriesTable entries={rows} onEdit={setEditing} onRemove={(entry) => removeEntry.run(list, entry)} /> : null}
      <CsvImport hotlistId={list.id} onImported={reloadAll} />
      <HotlistForm
        key={list.updated_at}
        hotlist={list}
        onSaved={(saved) => {
          setStatus({ kind: "ok", text: `Saved hotlist ${saved.name}.` });
          reloadAll();
        }}
      />
    </section>
  );
}

function BackLink() {
  return (
    <p>
      <Link to={HOTLISTS_PATH}>← All hotlists</Link>
    </p>
  );
}
