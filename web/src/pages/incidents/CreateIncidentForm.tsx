import { useState, type FormEvent } from "react";
import { describeError } from "./errors";
import { useDispatchApi } from "./hooks";
import type { MapPoint } from "./IncidentMap";
import { priorityLook, PRIORITIES } from "./lifecycle";
import type { Incident, IncidentType } from "./types";

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
  /** Called after the incident (and its description, if any) were saved; `warning` says what was not. */
  onCreated: (incident: Incident, warning: string | null) => void;
}

/** Open an incident by hand. The description becomes the first note of the narrative log. */
export function CreateIncidentForm({ types, location, onLocationChange, onCreated }: Props) {
  const api = useDispatchApi();
  const [type, setType] = useState("");
  const [title, setTitle] = useState("");
  const [priority, setPriority] = useState("");
  const [address, setAddress] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = types.find((t) => t.code === type);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const point = pointOf(location);
    if ((location.latitude || location.longitude) && !point) {
      setError("Give both latitude and longitude, or neither.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const incident = await api.createIncident({
        type,
        title: title.trim(),
        priority: priority ? Number(priority) : null,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        address: address.trim(),
      });
      let warning: string | null = null;
      if (description.trim()) {
        try {
          await api.addNote(incident.id, description.trim());
        } catch (caught) {
          warning = `The description was not saved: ${describeError(caught)}`;
        }
      }
      setTitle("");
      setAddress("");
      setDescription("");
      onLocationChange(EMPTY_LOCATION);
      onCreated(incident, warning);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-incident-title">
      <h2 id="create-incident-title">Create incident</h2>
      <div className="field">
        <label htmlFor="incident-type">Type</label>
        <select id="incident-type" required value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">Choose a type…</option>
          {types.map((t) => (
            <option key={t.code} value={t.code}>
              {t.label} (P{t.priority})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="incident-priority">Priority</label>
        <select id="incident-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
          <option value="">{chosen ? `Type default (${priorityLook(chosen.priority).label})` : "Type default"}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {priorityLook(p).label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="incident-title">Title</label>
        <input
          id="incident-title"
          maxLength={300}
          value={title}
          placeholder={chosen?.label ?? "Defaults to the type"}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="incident-latitude">Latitude</label>
        <input
          id="incident-latitude"
          type="number"
          step="any"
          min={-90}
          max={90}
          value={location.latitude}
          onChange={(e) => onLocationChange({ ...location, latitude: e.target.value })}
          aria-describedby="incident-location-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="incident-longitude">Longitude</label>
        <input
          id="incident-longitude"
          type="number"
          step="any"
          min={-180}
          max={180}
          value={location.longitude}
          onChange={(e) => onLocationChange({ ...location, longitude: e.target.value })}
          aria-describedby="incident-location-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="incident-address">Address</label>
        <input id="incident-address" maxLength={500} value={address} onChange={(e) => setAddress(e.target.value)} />
      </div>
      <p id="incident-location-hint" className="muted form-wide">
        Type the coordinates or click the map to place the incident. Without a location no units can be
        recommended.
      </p>
      <div className="field form-wide">
        <label htmlFor="incident-description">Description</label>
        <textarea
          id="incident-description"
          rows={3}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="form-actions form-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create incident"}
        </button>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
