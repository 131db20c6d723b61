import { useId, useState } from "react";
import { useMutation } from "../../../api/useMutation";
import { useAuth } from "../../../auth/AuthContext";
import { FileField, useFileChoice } from "../../../components/forms/FileField";
import { SubmitActions } from "../../../components/SubmitActions";
import { FORM, formErrorsOf } from "../shared/apiErrors";
import { csvRows } from "./csvImport";
import { ImportRows, ImportSummary, type Imported } from "./ImportResult";
import { t } from "../../../i18n/catalogue";

/** The file as UTF-8 text (FileReader rather than Blob.text(), which older engines and jsdom lack). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error(t("watchlists.vehicles.cannotReadTheFile")));
    reader.readAsText(file, "utf-8");
  });
}

/** Upload a CSV of plates into a hotlist and show the server's per-row report. */
export function CsvImport({ hotlistId, onImported }: { hotlistId: number; onImported: () => void }) {
  const { client } = useAuth();
  const csv = useFileChoice(t("watchlists.vehicles.chooseACsvFile"), { focusWhenMissing: true });
  const [result, setResult] = useState<Imported | null>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const upload = useMutation(
    async (chosen: File): Promise<Imported> => {
      const form = new FormData();
      form.append("file", chosen, chosen.name);
      const report = await client.POST("/api/v1/hotlists/{hotlist_id}/import", {
        params: { path: { hotlist_id: hotlistId } },
        body: form as never,
      });
      const text = await readText(chosen).catch(() => null);
      return { fileName: chosen.name, rows: text === null ? null : csvRows(text), report };
    },
    {
      onSuccess: (imported) => {
        setResult(imported);
        onImported();
      },
    },
  );
  const errors = upload.failure ? formErrorsOf(upload.failure, ["file"]) : {};
  const submit = csv.onSubmit(([chosen]) => {
    setResult(null);
    void upload.run(chosen);
  });

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{t("watchlists.vehicles.importPlatesFromCsv")}</h2>
      <FileField
        choice={csv}
        label={t("watchlists.vehicles.csvFile")}
        accept=".csv,text/csv"
        error={errors.file}
        onChoose={upload.reset}
        hint={
          <>
            Header row with <code>plate</code> and <code>reason</code>, optionally <code>case_ref</code>,{" "}
            <code>vehicle</code>, <code>expires_at</code> (a date means through that day, UTC). A plate already on
            the list is updated. Bad rows are refused one by one and listed with the reason.
          </>
        }
      />
      <SubmitActions label={t("watchlists.vehicles.importCsv")} busyLabel={t("watchlists.vehicles.importing")} busy={upload.busy} error={errors[FORM]} />
      <div role="status" aria-live="polite" data-testid="import-summary">
        {result ? <ImportSummary imported={result} /> : null}
      </div>
      {result ? <ImportRows imported={result} /> : null}
    </form>
  );
}
