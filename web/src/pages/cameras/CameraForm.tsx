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
      describe: (caught) => describeFailure(caught, editing ? "save the camera" : "add the camera"),
    },
  );
  const general = errors.general ?? save.error;

  const set = <K extends keyof CameraFormValues>(key: K, value: CameraFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  /** What stops a save before the server is asked: numbers that are not numbers, or no change at all. */
  const checkBeforeSaving = (submitted: CameraFormValues): FieldErrors | null => {
    const local = localErrors(submitted);
    if (Object.keys(local).length) return { fields: local, general: null };
    if (editing && Object.keys(updateRequest(initial, submitted)).length === 0) return { fields: {}, general: "Nothing changed." };
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

  const urlWithSecret = hasCredentials(values.url) || hasCredentials(values.sub_url);
  return (
    <form className="card form-grid camera-form" onSubmit={submit} aria-labelledby={`${prefix}-title`} noValidate>
      <h2 id={`${prefix}-title`}>{editing ? `Edit ${camera.name}` : "Add camera"}</h2>
      {text("id", "Camera ID", {
        required: true,
        readOnly: editing,
        hint: editing ? "The ID cannot change." : "Letters, digits, '.', '_' or '-', up to 64.",
      })}
      {text("name", "Name", { required: true })}
      {text("url", "Main stream URL", {
        required: true,
        placeholder: "rtsp://10.0.0.9/main or /srv/clips/gate.mp4",
        hint: "rtsp, rtsps, http, https, file, or a file path. Recorded.",
      })}
      {text("sub_url", "Sub stream URL", { hint: "Analysed; the main stream when empty." })}
      {urlWithSecret ? (
        <p className="muted camera-form-note" role="note">
          The password in this address is stored separately and will not be shown again.
        </p>
      ) : null}
      {text("username", "Stream username")}
      {text("password", "Stream password", {
        type: "password",
        autoComplete: "new-password",
        hint: editing && camera.has_password ? "A password is stored; leave empty to keep it." : "Never shown again.",
      })}
      {editing && camera.has_password ? (
        <Checkbox id={`${prefix}-clear-password`} label="Remove the stored password" checked={values.clearPassword} onChange={(v) => set("clearPassword", v)} />
      ) : null}
      {text("latitude", "Latitude", { inputMode: "decimal", hint: "-90 to 90; give both or neither." })}
      {text("longitude", "Longitude", { inputMode: "decimal", hint: "-180 to 180." })}
      {text("heading_deg", "Looks towards (degrees)", { inputMode: "decimal", hint: "0 north, 90 east; drawn on the map with the field of view." })}
      {text("fov_deg", "Field of view (degrees)", { inputMode: "decimal", hint: "Horizontal, more than 0, at most 360." })}
      {text("district", "District")}
      {text("zone", "Zone")}
      {text("owner", "Owner", { required: true, hint: "'public', or the private integrator feeding it." })}
      {text("detect_fps", "Analysed frames per second", { inputMode: "decimal", hint: "More than 0, at most 60." })}
      {text("analytics_profile", "Analytics profile", { hint: "e.g. default, or default+anpr for live plate reading." })}
      {text("worker", "Worker", { hint: "The worker that runs it; empty: any worker." })}
      <Checkbox
        id={`${prefix}-failover`}
        label="If that worker is gone, any worker may run it"
        checked={values.failover}
        onChange={(v) => set("failover", v)}
        error={errors.fields.failover}
      />
      {text("weight", "Cost units", {
        inputMode: "decimal",
        hint: "What running it costs a worker (one 720p camera at 5 fps = 1); empty: frames per second ÷ 5.",
      })}
      <Checkbox id={`${prefix}-enabled`} label="Enabled" checked={values.enabled} onChange={(v) => set("enabled", v)} error={errors.fields.enabled} />
      <Checkbox
        id={`${prefix}-loop`}
        label="Loop a file source at its end"
        checked={values.loop}
        onChange={(v) => set("loop", v)}
        error={errors.fields.loop}
      />
      <div className="form-actions camera-form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.busy}>
          {save.busy ? "Saving…" : editing ? "Save camera" : "Add camera"}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        {general ? (
          <FieldError>{general}</FieldError>
        ) : Object.keys(errors.fields).length ? (
          <FieldError>Not saved: check the fields marked below their labels.</FieldError>
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
