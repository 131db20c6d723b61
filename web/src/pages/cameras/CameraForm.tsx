import { useState, type FormEvent } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { FieldError, FormField } from "../../components/FormField";
import { describeFailure, fieldErrorsOf, type FieldErrors } from "./apiErrors";
import { createCamera, updateCamera, type WriteResult } from "./cameraApi";
import {
  createRequest,
  EMPTY_FORM,
  FORM_FIELDS,
  formOf,
  hasCredentials,
  localErrors,
  updateRequest,
  type CameraFormValues,
} from "./cameraForm";
import type { CameraOut } from "./types";
import { t } from "../../i18n/catalogue";

interface Props {
  /** The camera being edited; absent to add one. */
  camera?: CameraOut;
  onSaved: (camera: CameraOut) => void;
  onCancel?: () => void;
}

const NO_ERRORS: FieldErrors = { fields: {}, general: null };

/** Add or edit a camera. Credentials typed into a URL are sent once and never shown again. */
export function CameraForm({ camera, onSaved, onCancel }: Props) {
  const { client } = useAuth();
  const initial = camera ? formOf(camera) : EMPTY_FORM;
  const [values, setValues] = useState<CameraFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const editing = camera !== undefined;
  const prefix = editing ? "edit-camera" : "new-camera";
  const save = useMutation(
    (submitted: CameraFormValues) =>
      camera ? updateCamera(client, camera.id, updateRequest(initial, submitted)) : createCamera(client, createRequest(submitted)),
    {
      onSuccess: (result: WriteResult) => {
        if (!result.ok) return setErrors(fieldErrorsOf(result.issues, FORM_FIELDS));
        setValues(editing ? formOf(result.camera) : EMPTY_FORM);
        onSaved(result.camera);
      },
      describe: (caught) => describeFailure(caught, editing ? t("cameras.saveTheCamera") : t("cameras.addTheCamera")),
    },
  );
  const general = errors.general ?? save.error;

  const set = <K extends keyof CameraFormValues>(key: K, value: CameraFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  /** What stops a save before the server is asked: numbers that are not numbers, or no change at all. */
  const checkBeforeSaving = (submitted: CameraFormValues): FieldErrors | null => {
    const local = localErrors(submitted);
    if (Object.keys(local).length) return { fields: local, general: null };
    if (editing && Object.keys(updateRequest(initial, submitted)).length === 0) return { fields: {}, general: t("cameras.nothingChanged") };
    return null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkBeforeSaving(values);
    setErrors(found ?? NO_ERRORS);
    if (found) return save.reset();
    void save.run(values);
  };

  const text = (key: keyof CameraFormValues & (typeof FORM_FIELDS)[number], label: string, extra: TextExtra = {}) => (
    <FormField id={`${prefix}-${key}`} label={label} error={errors.fields[key]} hint={extra.hint}>
      {(control) => (
        <input
          {...control}
          value={String(values[key])}
          onChange={(event) => set(key, event.target.value)}
          required={extra.required}
          type={extra.type ?? "text"}
          inputMode={extra.inputMode}
          placeholder={extra.placeholder}
          autoComplete={extra.autoComplete ?? "off"}
          readOnly={extra.readOnly}
        />
      )}
    </FormField>
  );

  /** A yes/no setting the server checks: its checkbox, with the server's refusal of it beside it. */
  const flag = (key: "failover" | "enabled" | "loop", label: string) => (
    <Checkbox id={`${prefix}-${key}`} label={label} checked={values[key]} onChange={(v) => set(key, v)} error={errors.fields[key]} />
  );

  const urlWithSecret = hasCredentials(values.url) || hasCredentials(values.sub_url);
  return (
    <form className="card form-grid camera-form" onSubmit={submit} aria-labelledby={`${prefix}-title`} noValidate>
      <h2 id={`${prefix}-title`}>{editing ? t("cameras.edit", { name: camera.name }) : t("cameras.addCamera")}</h2>
      {text("id", t("cameras.cameraId"), {
        required: true,
        readOnly: editing,
        hint: editing ? t("cameras.theIdCannotChange") : t("cameras.lettersDigitsOrUp"),
      })}
      {text("name", t("cameras.name2"), { required: true })}
      {text("url", t("cameras.mainStreamUrl"), {
        required: true,
        placeholder: t("cameras.rtsp1000"),
        hint: t("cameras.rtspRtspsHttpHttps"),
      })}
      {text("sub_url", t("cameras.subStreamUrl"), { hint: t("cameras.analysedTheMainStream") })}
      {urlWithSecret ? (
        <p className="muted camera-form-note" role="note">
          {t("cameras.thePasswordInThis")}
        </p>
      ) : null}
      {text("username", t("cameras.streamUsername"))}
      {text("password", t("cameras.streamPassword"), {
        type: "password",
        autoComplete: "new-password",
        hint: editing && camera.has_password ? t("cameras.aPasswordIsStored") : t("cameras.neverShownAgain"),
      })}
      {editing && camera.has_password ? (
        <Checkbox id={`${prefix}-clear-password`} label={t("cameras.removeTheStoredPassword")} checked={values.clearPassword} onChange={(v) => set("clearPassword", v)} />
      ) : null}
      {text("latitude", t("cameras.latitude2"), { inputMode: "decimal", hint: t("cameras.n90To90Give") })}
      {text("longitude", t("cameras.longitude2"), { inputMode: "decimal", hint: t("cameras.n180To180") })}
      {text("heading_deg", t("cameras.looksTowardsDegrees"), { inputMode: "decimal", hint: t("cameras.n0North90East") })}
      {text("fov_deg", t("cameras.fieldOfViewDegrees"), { inputMode: "decimal", hint: t("cameras.horizontalMoreThan0") })}
      {text("district", t("cameras.district"))}
      {text("zone", t("cameras.zone2"))}
      {text("owner", t("cameras.owner2"), { required: true, hint: t("cameras.publicOrThePrivate") })}
      {text("detect_fps", t("cameras.analysedFramesPerSecond"), { inputMode: "decimal", hint: t("cameras.moreThan0At") })}
      {text("analytics_profile", t("cameras.analyticsProfile"), { hint: t("cameras.eGDefaultOr") })}
      {text("worker", t("cameras.worker2"), { hint: t("cameras.theWorkerThatRuns") })}
      {flag("failover", t("cameras.ifThatWorkerIs"))}
      {text("weight", t("cameras.costUnits"), {
        inputMode: "decimal",
        hint: t("cameras.whatRunningItCosts"),
      })}
      {flag("enabled", t("cameras.enabled"))}
      {flag("loop", t("cameras.loopAFileSource"))}
      <div className="form-actions camera-form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.busy}>
          {save.busy ? t("cameras.saving") : editing ? t("cameras.saveCamera") : t("cameras.addCamera")}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {t("cameras.cancel")}
          </button>
        ) : null}
        {general ? (
          <FieldError>{general}</FieldError>
        ) : Object.keys(errors.fields).length ? (
          <FieldError>{t("cameras.notSavedCheckThe")}</FieldError>
        ) : null}
      </div>
    </form>
  );
}

interface TextExtra {
  required?: boolean;
  readOnly?: boolean;
  type?: "text" | "password";
  inputMode?: "decimal";
  placeholder?: string;
  autoComplete?: string;
  hint?: string;
}

function Checkbox({
  id,
  label,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  return (
    <div className="field field-inline camera-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}
