import { useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useResource } from "../../api/useResource";
import { useAuth } from "../../auth/AuthContext";
import { Permission } from "../../auth/permissions";
import { useArrivalMessage } from "../../components/arrivalMessage";
import { FilterForm } from "../../components/FilterForm";
import { Pager } from "../../components/Pager";
import { orDash, RecordTable, type Column } from "../../components/RecordTable";
import { StateMessage } from "../../components/StateMessage";
import { formatDate } from "../../format/dateTime";
import { t } from "../../i18n/catalogue";
import { DraftChoice, DraftInput } from "./DraftInput";
import { filtersOf, listQuery, PAGE_SIZE, searchOf, type Either, type PersonFilters } from "./listFilters";
import { NEW_PERSON_PATH, personPath } from "./paths";
import { usePurposeQuery } from "./purpose";
import { ReviewDueMarker, StatusBadge } from "./StatusBadge";
import { PERSON_STATUSES, statusLabel, type Person } from "./types";

const EITHER: readonly Either[] = ["yes", "no"];

/** The register: records matching the filters, a page at a time; "New record" for those who may manage. */
export function PersonsList() {
  const { client, can } = useAuth();
  const purpose = usePurposeQuery();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const search = searchOf(filters).toString();
  const { resource } = useResource(
    (signal) => client.GET("/api/v1/persons", { params: { query: { ...listQuery(filters), ...purpose } }, signal }),
    // `search` stands for the filters (the URL's query).
    [client, search, purpose.purpose, purpose.case_ref],
  );
  const arrived = useArrivalMessage();
  const page = resource.data;
  const apply = (next: PersonFilters) => setParams(searchOf(next));

  return (
    <section aria-labelledby="persons-list-title">
      <div className="persons-heading">
        <h2 id="persons-list-title">{t("persons.list.title")}</h2>
        {can(Permission.PERSONS_MANAGE) ? (
          <Link className="btn btn-primary" to={NEW_PERSON_PATH}>
            {t("persons.list.new")}
          </Link>
        ) : null}
      </div>
      {arrived ? <p className="state state-ok" role="status">{arrived}</p> : null}
      <FiltersForm key={search} filters={filters} onApply={apply} />
      <StateMessage
        resource={resource}
        what={t("persons.list.what")}
        empty={page?.total === 0 ? <p className="state">{t("persons.list.empty")}</p> : null}
      />
      {page && page.persons.length > 0 ? (
        <>
          <p className="muted" data-testid="persons-count">
            {t("persons.list.count", {
              first: page.offset + 1,
              last: page.offset + page.persons.length,
              total: page.total,
            })}
          </p>
          <RecordTable
            rows={page.persons}
            rowKey={(person) => person.id}
            columns={personColumns()}
            caption={t("persons.list.caption")}
            testId="persons-table"
            rowClassName={(person) => (person.on_watchlists ? undefined : "row-disabled")}
          />
          <Pager
            label={t("persons.list.pages")}
            position={t("persons.list.page", { page: filters.page, pages: Math.max(1, Math.ceil(page.total / PAGE_SIZE)) })}
            hasPrevious={filters.page > 1}
            hasNext={page.offset + page.persons.length < page.total}
            onPrevious={() => apply({ ...filters, page: filters.page - 1 })}
            onNext={() => apply({ ...filters, page: filters.page + 1 })}
          />
        </>
      ) : null}
    </section>
  );
}

/** Built on each render, so the headings follow the language. */
function personColumns(): Column<Person>[] {
  return [
  {
    header: t("persons.field.name"),
    rowHeader: true,
    cell: (person) => (
      <>
        <Link to={personPath(person.id)}>{person.name}</Link>
        {person.aliases.length ? <div className="muted">{t("persons.list.aliases", { aliases: person.aliases.join(", ") })}</div> : null}
      </>
    ),
  },
  {
    header: t("persons.field.status"),
    cell: (person) => (
      <>
        <StatusBadge status={person.status} /> <ReviewDueMarker person={person} />
      </>
    ),
  },
  { header: t("persons.field.cnic"), cell: (person) => orDash(person.cnic_masked) },
  {
    header: t("persons.field.firs"),
    cell: (person) => orDash(person.firs.map((fir) => t("persons.fir", { number: fir.number, station: fir.police_station })).join("; ")),
  },
  { header: t("persons.field.vehicles"), cell: (person) => orDash(person.vehicles.map((vehicle) => vehicle.plate).join(", ")) },
  { header: t("persons.field.reviewDate"), cell: (person) => formatDate(person.review_date) },
  ];
}

function FiltersForm({ filters, onApply }: { filters: PersonFilters; onApply: (filters: PersonFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const binding = { draft, onDraft: setDraft, errors: {} };
  const id = useId();
  const eitherLabel = (value: Either) => (value === "yes" ? t("persons.filter.yes") : t("persons.filter.no"));
  return (
    <FilterForm
      className="persons-filters"
      label={t("persons.filter.label")}
      applyLabel={t("persons.filter.apply")}
      onApply={() => onApply({ ...draft, page: 1 })}
    >
      <DraftInput id={`${id}-q`} label={t("persons.filter.q")} field="q" type="search" maxLength={200} {...binding} />
      <DraftChoice id={`${id}-status`} label={t("persons.field.status")} field="status" values={PERSON_STATUSES} words={statusLabel} none={t("persons.filter.anyStatus")} {...binding} />
      <DraftInput id={`${id}-station`} label={t("persons.filter.station")} field="station" maxLength={120} {...binding} />
      <DraftChoice id={`${id}-vehicle`} label={t("persons.filter.hasVehicle")} field="hasVehicle" values={EITHER} words={eitherLabel} none={t("persons.filter.either")} {...binding} />
      <DraftChoice id={`${id}-review`} label={t("persons.filter.reviewDue")} field="reviewDue" values={EITHER} words={eitherLabel} none={t("persons.filter.either")} {...binding} />
    </FilterForm>
  );
}
