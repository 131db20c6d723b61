import { useId, useState, type FormEvent } from "react";
import { fieldErrors } from "../../api/client";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FieldError } from "../../components/FormField";
import { orDash, RecordTable } from "../../components/RecordTable";
import { DraftInput } from "./DraftInput";
import { t } from "../../i18n/catalogue";
import { AddActions } from "./AddActions";
import type { Person, Vehicle } from "./types";

const EMPTY = { plate: "", make: "", colour: "", note: "" };
const FIELDS = ["plate", "make", "colour", "note"] as const;

/** The person's vehicles (each on the persons-of-interest hotlist while the record is), added and removed. */
export function VehiclesPanel({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const { client, can } = useAuth();
  const manage = can(Permission.PERSONS_MANAGE);
  const [draft, setDraft] = useState(EMPTY);
  const add = useMutation(
    () => client.POST("/api/v1/persons/{person_id}/vehicles", { params: { path: { person_id: person.id } }, body: draft }),
    {
      onSuccess: () => {
        setDraft(EMPTY);
        onChanged();
      },
    },
  );
  const remove = useMutation(
    (vehicle: Vehicle) =>
      client.DELETE("/api/v1/persons/{person_id}/vehicles/{vehicle_id}", {
        params: { path: { person_id: person.id, vehicle_id: vehicle.id } },
      }),
    { onSuccess: onChanged },
  );
  const errors = fieldErrors(add.failure, FIELDS);
  const binding = { draft, onDraft: setDraft, errors };
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.plate.trim()) {
      add.fail(t("persons.vehicles.plateNeeded"));
      return;
    }
    void add.run();
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("persons.vehicles.title")}</h3>
      {person.vehicles.length === 0 ? (
        <p className="muted">{t("persons.vehicles.none")}</p>
      ) : (
        <RecordTable
          rows={person.vehicles}
          rowKey={(vehicle) => vehicle.id}
          testId="person-vehicles"
          caption={t("persons.vehicles.caption", { name: person.name })}
          columns={[
            { header: t("persons.vehicles.plate"), rowHeader: true, cell: (vehicle) => vehicle.plate },
            { header: t("persons.vehicles.make"), cell: (vehicle) => orDash(vehicle.make) },
            { header: t("persons.vehicles.colour"), cell: (vehicle) => orDash(vehicle.colour) },
            { header: t("persons.vehicles.note"), cell: (vehicle) => orDash(vehicle.note) },
            {
              header: t("persons.vehicles.actions"),
              cell: (vehicle) =>
                manage ? (
                  <ConfirmButton
                    small
                    label={t("persons.vehicles.remove", { plate: vehicle.plate })}
                    text={t("persons.remove")}
                    question={t("persons.vehicles.removeQuestion", { plate: vehicle.plate })}
                    confirmLabel={t("persons.remove")}
                    cancelLabel={t("persons.cancel")}
                    onConfirm={() => remove.run(vehicle)}
                  />
                ) : null,
            },
          ]}
        />
      )}
      {remove.error ? <FieldError>{remove.error}</FieldError> : null}
      {manage ? (
        <form className="form-grid" onSubmit={submit} noValidate aria-label={t("persons.vehicles.add")}>
          <DraftInput id={`${id}-plate`} label={t("persons.vehicles.plate")} field="plate" maxLength={32} autoComplete="off" {...binding} />
          <DraftInput id={`${id}-make`} label={t("persons.vehicles.make")} field="make" maxLength={100} {...binding} />
          <DraftInput id={`${id}-colour`} label={t("persons.vehicles.colour")} field="colour" maxLength={50} {...binding} />
          <DraftInput id={`${id}-note`} label={t("persons.vehicles.note")} field="note" maxLength={2000} {...binding} />
          <AddActions label={t("persons.vehicles.add")} busyLabel={t("persons.vehicles.adding")} action={add} errors={errors} />
        </form>
      ) : null}
    </section>
  );
}
