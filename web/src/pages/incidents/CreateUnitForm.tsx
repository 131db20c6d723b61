import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import { describeError } from "./errors";
import { useDispatchApi } from "./hooks";
import { UNIT_TYPE_LABEL, UNIT_TYPES } from "./lifecycle";
import type { Unit, UnitType } from "./types";

const EMPTY = { id: "", callsign: "", type: "police_patrol" as UnitType, area: "", latitude: "", longitude: "" };

function optionalNumber(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

/** Register a unit (needs dispatch.manage); capabilities follow its type. */
export function CreateUnitForm({ onCreated }: { onCreated: (unit: Unit) => void }) {
  const api = useDispatchApi();
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((form.latitude.trim() === "") !== (form.longitude.trim() === "")) {
      setError("Give both latitude and longitude, or neither.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const unit = await api.createUnit({
        id: form.id.trim(),
        callsign: form.callsign.trim(),
        type: form.type,
        area: form.area.trim() || null,
        latitude: optionalNumber(form.latitude),
        longitude: optionalNumber(form.longitude),
      });
      setForm({ ...EMPTY, type: form.type });
      onCreated(unit);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 409
          ? `A unit with id ${form.id.trim()} already exists.`
          : describeError(caught),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="create-unit-title">
      <h2 id="create-unit-title">Create unit</h2>
      <div className="field">
        <label htmlFor="unit-id">Unit id</label>
        <input
          id="unit-id"
          required
          maxLength={64}
          pattern="[A-Za-z0-9_.\-]+"
          title="Letters, digits, '.', '_' or '-'"
          value={form.id}
          onChange={set("id")}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="unit-callsign">Callsign</label>
        <input id="unit-callsign" required maxLength={64} value={form.callsign} onChange={set("callsign")} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="unit-type">Unit type</label>
        <select id="unit-type" value={form.type} onChange={set("type")}>
          {UNIT_TYPES.map((t) => (
            <option key={t} value={t}>
              {UNIT_TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="unit-area">Area</label>
        <input id="unit-area" maxLength={100} value={form.area} onChange={set("area")} />
      </div>
      <div className="field">
        <label htmlFor="unit-latitude">Unit latitude</label>
        <input id="unit-latitude" type="number" step="any" min={-90} max={90} value={form.latitude} onChange={set("latitude")} />
      </div>
      <div className="field">
        <label htmlFor="unit-longitude">Unit longitude</label>
        <input id="unit-longitude" type="number" step="any" min={-180} max={180} value={form.longitude} onChange={set("longitude")} />
      </div>
      <div className="form-actions form-wide">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Creating…" : "Create unit"}
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
