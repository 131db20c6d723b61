import { useState, type FormEvent } from "react";
import { ChoiceSelect } from "../../components/ChoiceSelect";
import { FormField } from "../../components/FormField";
import { CoordinateFields } from "../../components/forms/CoordinateFields";
import { ApiError } from "../../api/client";
import { describeError, fieldErrors } from "../../api/errors";
import { useMutation } from "../../api/useMutation";
import { CreateCard } from "./CreateCard";
import { useDispatchApi } from "./hooks";
import { UNIT_TYPE_LABEL, UNIT_TYPES } from "./lifecycle";
import type { Unit, UnitCreate, UnitType } from "./types";
import { t } from "../../i18n/catalogue";

const FIELDS = ["id", "callsign", "type", "area", "latitude", "longitude"] as const;

const EMPTY = { id: "", callsign: "", type: "police_patrol" as UnitType, area: "", latitude: "", longitude: "" };

function optionalNumber(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

/** Register a unit (needs dispatch.manage); capabilities follow its type. */
export function CreateUnitForm({ onCreated }: { onCreated: (unit: Unit) => void }) {
  const api = useDispatchApi();
  const [form, setForm] = useState(EMPTY);
  const create = useMutation((unit: UnitCreate) => api.createUnit(unit), {
    onSuccess: (unit) => {
      setForm({ ...EMPTY, type: unit.type });
      onCreated(unit);
    },
    // A 422 names its fields: each message goes beside its control (below), the rest beside the button.
    describe: (caught, unit) => {
      const { form: other, ...byField } = fieldErrors(caught, FIELDS);
      if (Object.keys(byField).length > 0) return other ?? "";
      return caught instanceof ApiError && caught.status === 409
        ? t("incidents.aUnitWithId", { id: unit.id })
        : describeError(caught);
    },
  });
  const { form: _other, ...errors } = fieldErrors(create.failure, FIELDS);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if ((form.latitude.trim() === "") !== (form.longitude.trim() === "")) {
      create.fail(t("incidents.giveBothLatitudeAnd"));
      return;
    }
    void create.run({
      id: form.id.trim(),
      callsign: form.callsign.trim(),
      type: form.type,
      area: form.area.trim() || null,
      latitude: optionalNumber(form.latitude),
      longitude: optionalNumber(form.longitude),
    });
  };

  return (
    <CreateCard id="create-unit" title={t("incidents.createUnit")} creation={create} onSubmit={submit}>
      <FormField id="unit-id" label={t("incidents.unitId")} error={errors.id}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={64}
            pattern="[A-Za-z0-9_.\-]+"
            title={t("incidents.lettersDigitsOr")}
            value={form.id}
            onChange={set("id")}
            autoComplete="off"
          />
        )}
      </FormField>
      <FormField id="unit-callsign" label={t("incidents.callsign")} error={errors.callsign}>
        {(control) => (
          <input {...control} required maxLength={64} value={form.callsign} onChange={set("callsign")} autoComplete="off" />
        )}
      </FormField>
      <FormField id="unit-type" label={t("incidents.unitType")} error={errors.type}>
        {(control) => (
          <ChoiceSelect
            {...control}
            values={UNIT_TYPES}
            label={(type) => UNIT_TYPE_LABEL[type]}
            value={form.type}
            onChange={(type) => setForm((f) => ({ ...f, type }))}
          />
        )}
      </FormField>
      <FormField id="unit-area" label={t("incidents.area")} error={errors.area}>
        {(control) => (
          <input {...control} maxLength={100} value={form.area} onChange={set("area")} />
        )}
      </FormField>
      <CoordinateFields
        idPrefix="unit"
        labels={{ latitude: t("incidents.unitLatitude"), longitude: t("incidents.unitLongitude") }}
        value={form}
        onChange={(axis, value) => setForm((f) => ({ ...f, [axis]: value }))}
        errors={errors}
      />
    </CreateCard>
  );
}
