/**
 * "Export to case": the selected range goes into an evidence case as one MP4 clip (stream-copied by the
 * server, with its sha256, a custody entry and the stated purpose). Shows the stored item's hash and a
 * link to the case.
 */
import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { formErrors } from "../../api/errors";
import type { Schemas } from "../../api/schemas";
import { useMutation } from "../../api/useMutation";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { FormField, FormMessage } from "../../components/FormField";
import { Modal } from "../../components/Modal";
import { formatTime } from "../alerts/format";
import { formatSeconds, HOUR, type Span } from "./timelineMath";
import { Options } from "../../components/Options";
import { t } from "../../i18n/catalogue";

type EvidenceItem = Schemas["ItemOut"];

/** The server's limit for one export. */
export const MAX_EXPORT_MS = HOUR;
const MAX_PURPOSE = 2000;
const FIELDS = ["case_id", "purpose", "description", "start", "end"] as const;

export interface ExportForm {
  caseId: string;
  purpose: string;
  description: string;
}

export type ExportErrors = Partial<Record<"case_id" | "purpose" | "range", string>>;

export function validateExport(form: ExportForm, range: Span): ExportErrors {
  const errors: ExportErrors = {};
  if (!form.caseId) errors.case_id = "Choose the case the clip is for.";
  const purpose = form.purpose.trim();
  if (!purpose) errors.purpose = "State why this footage is exported.";
  else if (purpose.length > MAX_PURPOSE) errors.purpose = `At most ${MAX_PURPOSE} characters.`;
  if (range.end <= range.start) errors.range = "The range is empty: set the out mark after the in mark.";
  else if (range.end - range.start > MAX_EXPORT_MS) errors.range = "At most one hour can be exported at once.";
  return errors;
}

export function ExportDialog({
  cameraId,
  cameraName,
  range,
  onClose,
}: {
  cameraId: string;
  cameraName: string;
  range: Span;
  onClose: () => void;
}) {
  const { client } = useAuth();
  const id = useId();
  const { resource: cases } = useResource((signal) => client.GET("/api/v1/evidence/cases", { signal }), [client]);
  const open = (cases.data ?? []).filter((c) => c.status === "open");
  const [form, setForm] = useState<ExportForm>({ caseId: "", purpose: "", description: "" });
  const [errors, setErrors] = useState<ExportErrors & Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [exported, setExported] = useState<EvidenceItem | null>(null);
  const exporting = useMutation(
    (sent: ExportForm) =>
      client.POST("/api/v1/cameras/{camera_id}/recordings/export", {
        params: { path: { camera_id: cameraId } },
        body: {
          start: new Date(range.start).toISOString(),
          end: new Date(range.end).toISOString(),
          case_id: Number(sent.caseId),
          purpose: sent.purpose.trim(),
          description: sent.description.trim(),
        },
      }),
    {
      onSuccess: (item) => setExported(item),
      onError: (caught) => {
        const split = formErrors(caught, FIELDS, { unavailable: t("playback.exportToEvidence") });
        setErrors(split.fields);
        setFormError(split.form);
      },
    },
  );
  const change = (patch: Partial<ExportForm>) => setForm((previous) => ({ ...previous, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateExport(form, range);
    setErrors(found);
    setFormError(found.range ?? null);
    if (Object.keys(found).length === 0) void exporting.run(form);
  };

  const rangeText = `${formatTime(new Date(range.start).toISOString())} to ${formatTime(new Date(range.end).toISOString())} (${formatSeconds(range.end - range.start)})`;
  return (
    <Modal title={t("playback.exportToCase")} description={<>{cameraName}: {rangeText}</>} onCancel={onClose}>
      {exported ? (
        <div className="export-result" data-testid="export-result">
          <p className="state state-ok" role="status">
            {t("playback.clipStoredAsEvidence", { id: exported.id })}
          </p>
          <dl className="export-facts">
            <dt>{t("playback.sha256")}</dt>
            <dd>
              <code className="evidence-hash" data-testid="export-sha256">{exported.sha256}</code>
            </dd>
          </dl>
          <div className="actions">
            <Link className="btn btn-primary" to={`/evidence/cases/${exported.case_id ?? form.caseId}`}>
              {t("playback.openCase")}
            </Link>
            <button type="button" className="btn btn-quiet" onClick={onClose}>
              {t("playback.close")}
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormField id={`${id}-case`} label={t("playback.caseRequired")} error={errors.case_id}>
            {(control) => (
              <select {...control} value={form.caseId} onChange={(e) => change({ caseId: e.target.value })}>
                <option value="">{cases.status === "loading" ? t("playback.loadingCases") : t("playback.chooseAnOpenCase")}</option>
                <Options items={open} value={(c) => c.id} label={(c) => `${c.reference}: ${c.title}`} />
              </select>
            )}
          </FormField>
          {cases.status === "error" ? <p className="field-error">{t("playback.couldNotLoadThe", { error: cases.error })}</p> : null}
          <FormField id={`${id}-purpose`} label={t("playback.purposeOfTheExport")} error={errors.purpose}>
            {(control) => (
              <textarea {...control} rows={2} value={form.purpose} onChange={(e) => change({ purpose: e.target.value })} />
            )}
          </FormField>
          <FormField id={`${id}-description`} label={t("playback.whatTheClipShows")} error={errors.description}>
            {(control) => (
              <input {...control} value={form.description} onChange={(e) => change({ description: e.target.value })} />
            )}
          </FormField>
          <FormMessage error={formError} />
          <div className="actions">
            <button type="button" className="btn btn-quiet" onClick={onClose}>
              {t("playback.cancel")}
            </button>
            <button type="submit" className="btn btn-primary" disabled={exporting.busy}>
              {exporting.busy ? t("playback.exporting") : t("playback.exportClip")}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
