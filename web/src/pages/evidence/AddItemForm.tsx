import { useRef, useState, type FormEvent } from "react";
import { useAuth } from "../../auth/AuthContext";
import { formErrors, type FormErrors } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { RadioChoice } from "../../components/forms/RadioChoice";
import { SubmitActions } from "../../components/SubmitActions";
import { localInputToIso } from "./format";
import { ITEM_KINDS, type EvidenceItem, type ItemKind } from "./types";
import { t } from "../../i18n/catalogue";

type Source = "file" | "stored";
const FIELDS = ["file", "media_sha256", "kind", "camera_id", "start", "end", "description"];
const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** Collect an item into the case: upload a file, or take media the server already stores (by SHA-256). */
export function AddItemForm({ caseId, onAdded }: { caseId: number; onAdded: (item: EvidenceItem) => void }) {
  const { client } = useAuth();
  const fileRef = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<Source>("file");
  const [kind, setKind] = useState<ItemKind>("upload");
  const [mediaSha, setMediaSha] = useState("");
  const [cameraId, setCameraId] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [description, setDescription] = useState("");
  const [done, setDone] = useState<string | null>(null);
  /** What the form found wrong before sending. */
  const [checked, setChecked] = useState<Record<string, string>>({});
  const add = useMutation((form: FormData) => client.POST("/api/v1/evidence/items", { body: form as never }), {
    onSuccess: (item) => {
      setDone(t("evidence.collectedItemSha256", { id: item.id, sha256: item.sha256 }));
      setMediaSha("");
      setDescription("");
      if (fileRef.current) fileRef.current.value = "";
      onAdded(item);
    },
  });
  const refused = add.failure ? formErrors(add.failure, FIELDS) : NO_ERRORS;
  const errors: FormErrors = { fields: { ...refused.fields, ...checked }, form: refused.form };

  const refuse = (field: string, message: string) => {
    add.reset();
    setChecked({ [field]: message });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const file = fileRef.current?.files?.[0];
    if (source === "file" && !file) return refuse("file", t("evidence.chooseAFileTo"));
    if (source === "stored" && !/^[0-9a-f]{64}$/i.test(mediaSha.trim()))
      return refuse("media_sha256", t("evidence.enterThe64Hexadecimal"));
    const form = new FormData();
    form.set("kind", kind);
    form.set("case_id", String(caseId));
    if (source === "file" && file) form.set("file", file);
    else form.set("media_sha256", mediaSha.trim().toLowerCase());
    if (cameraId.trim()) form.set("camera_id", cameraId.trim());
    const startIso = localInputToIso(start);
    const endIso = localInputToIso(end);
    if (startIso) form.set("start", startIso);
    if (endIso) form.set("end", endIso);
    if (description.trim()) form.set("description", description.trim());
    setChecked({});
    void add.run(form);
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="add-item-title" noValidate>
      <h2 id="add-item-title">{t("evidence.addAnItem")}</h2>
      <RadioChoice
        className="evidence-choice"
        legend={t("evidence.source")}
        name="item-source"
        choices={[
          { value: "file", label: t("evidence.uploadAFile") },
          { value: "stored", label: t("evidence.mediaAlreadyStoredBy") },
        ]}
        value={source}
        onChange={setSource}
      />
      {source === "file" ? (
        <FormField id="item-file" label={t("evidence.file")} error={errors.fields.file}>
          {(control) => <input {...control} type="file" ref={fileRef} />}
        </FormField>
      ) : (
        <FormField id="item-media-sha" label={t("evidence.mediaSha256")} error={errors.fields.media_sha256}>
          {(control) => <input {...control} value={mediaSha} onChange={(e) => setMediaSha(e.target.value)} autoComplete="off" spellCheck={false} />}
        </FormField>
      )}
      <FormField id="item-kind" label={t("evidence.kind")} error={errors.fields.kind}>
        {(control) => (
          <ChoiceSelect {...control} values={ITEM_KINDS} value={kind} onChange={setKind} />
        )}
      </FormField>
      <FormField id="item-camera" label={t("evidence.cameraOptional")} error={errors.fields.camera_id}>
        {(control) => <input {...control} value={cameraId} onChange={(e) => setCameraId(e.target.value)} maxLength={128} autoComplete="off" />}
      </FormField>
      <FormField id="item-start" label={t("evidence.recordedFromOptional")} error={errors.fields.start}>
        {(control) => <input {...control} type="datetime-local" step={1} value={start} onChange={(e) => setStart(e.target.value)} />}
      </FormField>
      <FormField id="item-end" label={t("evidence.recordedUntilOptional")} error={errors.fields.end}>
        {(control) => <input {...control} type="datetime-local" step={1} value={end} onChange={(e) => setEnd(e.target.value)} />}
      </FormField>
      <FormField id="item-description" label={t("evidence.descriptionOptional")} error={errors.fields.description}>
        {(control) => <textarea {...control} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={10_000} />}
      </FormField>
      <SubmitActions label={t("evidence.addItem")} busyLabel={t("evidence.collecting")} busy={add.busy} error={errors.form} ok={done} />
    </form>
  );
}
