import { useState, type FormEvent } from "react";
import { describeError, problemFor } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { FormField } from "../../components/FormField";
import { CoordinateFields } from "../../components/forms/CoordinateFields";
import { CreateCard } from "./CreateCard";
import { useDispatchApi } from "./hooks";
import type { MapPoint } from "./IncidentMap";
import { priorityLook, PRIORITIES } from "./lifecycle";
import type { Incident, IncidentCreate, IncidentType } from "./types";
import { t } from "../../i18n/catalogue";
import { Options } from "../../components/Options";

export interface LocationDraft {
  latitude: string;
  longitude: string;
}

export const EMPTY_LOCATION: LocationDraft = { latitude: "", longitude: "" };

export function locationDraftOf(point: MapPoint): LocationDraft {
  return { latitude: String(point.latitude), longitude: String(point.longitude) };
}

/** The typed location, or null while it is empty or half-filled. */
export function pointOf(draft: LocationDraft): MapPoint | null {
  if (draft.latitude.trim() === "" || draft.longitude.trim() === "") return null;
  const latitude = Number(draft.latitude);
  const longitude = Number(draft.longitude);
  return Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : null;
}

interface Props {
  types: IncidentType[];
  location: LocationDraft;
  onLocationChange: (location: LocationDraft) => void;
  /** Called after the incident was saved. */
  onCreated: (incident: Incident) => void;
}

export const MAX_DESCRIPTION_LENGTH = 5000;

/** Open an incident by hand, with what was reported as its description. */
export function CreateIncidentForm({ types, location, onLocationChange, onCreated }: Props) {
  const api = useDispatchApi();
  const [type, setType] = useState("");
  const [title, setTitle] = useState("");
  const [priority, setPriority] = useState("");
  const [address, setAddress] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation((draft: IncidentCreate) => api.createIncident(draft), {
    onSuccess: (incident) => {
      setTitle("");
      setAddress("");
      setDescription("");
      onLocationChange(EMPTY_LOCATION);
      onCreated(incident);
    },
    // A refusal about the description is said beside it (below), anything else beside the button.
    describe: (caught) => (problemFor(caught, "description") ? "" : describeError(caught)),
  });
  const descriptionError = problemFor(create.failure, "description");
  const chosen = types.find((t) => t.code === type);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const point = pointOf(location);
    if ((location.latitude || location.longitude) && !point) {
      create.fail(t("incidents.giveBothLatitudeAnd"));
      return;
    }
    void create.run({
      type,
      title: title.trim(),
      description: description.trim() || null,
      priority: priority ? Number(priority) : null,
      latitude: point?.latitude ?? null,
      longitude: point?.longitude ?? null,
      address: address.trim(),
    });
  };

  return (
    <CreateCard id="create-incident" title={t("incidents.create")} creation={create} onSubmit={submit}>
      <FormField id="incident-type" label={t("incidents.type")}>
        {(control) => (
          <select {...control} required value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">{t("incidents.chooseAType")}</option>
            <Options items={types} value={(t) => t.code} label={(kind) => t("incidents.typeOption", { label: kind.label, priority: kind.priority })} />
          </select>
        )}
      </FormField>
      <FormField id="incident-priority" label={t("incidents.priority")}>
        {(control) => (
          <select {...control} value={priority} onChange={(e) => setPriority(e.target.value)}>
            <option value="">{chosen ? t("incidents.typeDefault", { label: priorityLook(chosen.priority).label }) : t("incidents.typeDefault2")}</option>
            <Options items={PRIORITIES} label={(p) => priorityLook(p).label} />
          </select>
        )}
      </FormField>
      <FormField id="incident-title" label={t("incidents.title2")}>
        {(control) => (
          <input
            {...control}
            maxLength={300}
            value={title}
            placeholder={chosen?.label ?? t("incidents.defaultsToTheType")}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </FormField>
      <CoordinateFields
        idPrefix="incident"
        labels={{ latitude: t("incidents.latitude"), longitude: t("incidents.longitude") }}
        value={location}
        onChange={(axis, value) => onLocationChange({ ...location, [axis]: value })}
        describedBy="incident-location-hint"
      />
      <FormField id="incident-address" label={t("incidents.address")}>
        {(control) => (
          <input {...control} maxLength={500} value={address} onChange={(e) => setAddress(e.target.value)} />
        )}
      </FormField>
      <p id="incident-location-hint" className="muted form-wide">
        {t("incidents.typeTheCoordinatesOr")}
      </p>
      <FormField id="incident-description" label={t("incidents.description")} error={descriptionError} className="form-wide">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={MAX_DESCRIPTION_LENGTH}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </FormField>
    </CreateCard>
  );
}
