import { useRef, useState } from "react";
import { useParams } from "react-router";
import { useMutation } from "../../../api/useMutation";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { useNavigateWithMessage } from "../../../components/arrivalMessage";
import { StateMessage } from "../../../components/StateMessage";
import { formErrorsOf } from "../shared/apiErrors";
import { BackLink, DetailHead, NotLoaded } from "../shared/DetailParts";
import { StatusLine, type Status } from "../shared/StatusLine";
import { HOTLISTS_PATH } from "../paths";
import { hotlistKindLabel, type Hotlist, type HotlistEntry } from "../types";
import { CsvImport } from "./CsvImport";
import { EntriesTable } from "./EntriesTable";
import { EntryForm } from "./EntryForm";
import { HotlistForm } from "./HotlistForm";
import { toleranceText } from "./HotlistsView";
import { t } from "../../../i18n/catalogue";

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
        navigateWithMessage(HOTLISTS_PATH, t("watchlists.vehicles.deletedHotlistAndIts", { name: deleted.name, plates: plates(deleted.entries) })),
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
        setStatus({ kind: "error", text: t("watchlists.vehicles.couldNotRemove", { plate: entry.plate, firstError: firstError(caught) }) }),
    },
  );

  const back = { to: HOTLISTS_PATH, label: t("watchlists.vehicles.allHotlists") };
  if (!list) return <NotLoaded back={back} resource={hotlist.resource} what={t("watchlists.vehicles.thisHotlist")} />;

  return (
    <section aria-labelledby="hotlist-title">
      <BackLink {...back} />
      <DetailHead
        titleId="hotlist-title"
        title={t("watchlists.vehicles.hotlist", { name: list.name })}
        deleteLabel={t("watchlists.vehicles.deleteHotlist")}
        question={t("watchlists.vehicles.deleteAndIts", { name: list.name, plates: plates(list.entries) })}
        onDelete={() => deleteList.run(list)}
      />
      <p className="muted" data-testid="hotlist-summary">
        {t("watchlists.vehicles.createdBy", { kind: hotlistKindLabel(list.kind), value: list.active ? t("watchlists.vehicles.active") : t("watchlists.vehicles.inactiveNotMatched"), toleranceText: toleranceText(list.edit_budget), plates: plates(list.entries), created_by: list.created_by })}
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
            setStatus({ kind: "ok", text: t("watchlists.vehicles.savedEntry", { plate: saved.plate }) });
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
              text: wasOnList ? t("watchlists.vehicles.wasAlreadyOnThe", { plate: saved.plate }) : `Added ${saved.plate}.`,
            });
            reloadAll();
          }}
        />
      )}
      <h2 ref={platesHeadingRef} tabIndex={-1}>
        {t("watchlists.vehicles.platesOn", { name: list.name })}
      </h2>
      <StateMessage resource={entries.resource} what="plates" />
      {entries.resource.data ? <EntriesTable entries={rows} onEdit={setEditing} onRemove={(entry) => removeEntry.run(list, entry)} /> : null}
      <CsvImport hotlistId={list.id} onImported={reloadAll} />
      <HotlistForm
        key={list.updated_at}
        hotlist={list}
        onSaved={(saved) => {
          setStatus({ kind: "ok", text: t("watchlists.vehicles.savedHotlist", { name: saved.name }) });
          reloadAll();
        }}
      />
    </section>
  );
}
