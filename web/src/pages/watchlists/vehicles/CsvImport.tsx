import { useId, useRef, useState, type FormEvent } from "react";
import { useAuth } from "../../../auth/AuthContext";
import { FieldError, FormField } from "../../../components/FormField";
import { FORM, formErrorsOf, type FormErrors } from "../shared/apiErrors";
import type { ImportReport } from "../types";
import { csvRows } from "./csvImport";
import { ImportRows, ImportSummary, type Imported } from "./ImportResult";

/** The file as UTF-8 text (FileReader rather than Blob.text(), which older engines and jsdom lack). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("cannot read the file"));
    reader.readAsText(file, "utf-8");
  });
}

/** Upload a CSV of plates into a hotlist and show the server's per-row report. */
export function CsvImport({ hotlistId, onImported }: { hotlistId: number; onImported: () => void }) {
  const { client } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [result, setResult] = useState<Imported | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const titleId = `${id}-title`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setErrors({ file: "Choose a CSV file first." });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    setResult(null);
    try {
      const form = new FormData();
      form.append("file", file, file.name);
      const report = await client.request<ImportReport>("POST", `/api/v1/hotlists/${hotlistId}/import`, { form });
      const text = await readText(file).catch(() => null);
      setResult({ fileName: file.name, rows: text === null ? null : csvRows(text), report });
      onImported();
    } catch (caught) {
      setErrors(formErrorsOf(caught, ["file"]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>Import plates from CSV</h2>
      <FormField
        id={`${id}-file`}
        label="CSV file"
        error={errors.file}
        hint={
          <>
            Header row with <code>plate</code> and <code>reason</code>, optionally <code>case_ref</code>,{" "}
            <code>vehicle</code>, <code>expires_at</code> (a date means through that day, UTC). A plate already on
            the list is updated. Bad rows are refused one by one and listed with the reason.
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setErrors({});
            }}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Importing…" : "Import CSV"}
        </button>
        {errors[FORM] ? <FieldError>{errors[FORM]}</FieldError> : null}
      </div>
      <div role="status" aria-live="polite" data-testid="import-summary">
        {result ? <ImportSummary imported={result} /> : null}
      </div>
      {result ? <ImportRows imported={result} /> : null}
    </form>
  );
}
