import { useState } from "react";
import { useMutation } from "../../api/useMutation";
import { useAuth } from "../../auth/AuthContext";
import {
  EMPTY_EVENT_FORM,
  EVENT_PAGE_SIZES,
  EVENT_TYPE_SUGGESTIONS,
  eventsQuery,
  validateEventForm,
  type EventFormErrors,
  type EventSearchForm,
} from "./eventsQuery";
import { EventResults } from "./EventResults";
import { FormField } from "../../components/FormField";
import { Pager } from "../../components/Pager";
import { hasErrors } from "./plateQuery";
import { searchFailureHandler } from "./searchFailure";
import { ScopeFields } from "./TimeRangeFields";
import type { EventsPage } from "./types";
import { useCameras } from "./useCameras";
import { useSearchForm } from "./useSearchForm";
import { LimitSelect, SearchActions, SearchForm, SearchStatus } from "./SearchFields";
import { t } from "../../i18n/catalogue";

interface Shown {
  form: EventSearchForm;
  /** Cursors of the pages seen so far: cursors[0] is null (the newest page), the last is the current page's. */
  cursors: (number | null)[];
  page: EventsPage;
}

const SERVER_FIELDS = { type: /\btype\b/i, since: /\bsince\b/i, until: /\buntil\b/i } as const;

/** Stored events (alerts, camera health, rules, …) by type, camera and time; no personal data, no purpose. */
export function EventsSearch() {
  const { client } = useAuth();
  const { cameras, cameraName } = useCameras();
  const [errors, setErrors] = useState<EventFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [shown, setShown] = useState<Shown | null>(null);
  const search = useMutation(
    (searched: EventSearchForm, cursors: (number | null)[]) =>
      client.GET("/api/v1/events", { params: { query: eventsQuery(searched, cursors[cursors.length - 1] ?? null) } }),
    {
      onSuccess: (page, searched, cursors) => {
        setShown({ form: searched, cursors, page });
        setStatus(`Page ${cursors.length}: ${page.events.length} event${page.events.length === 1 ? "" : "s"}.`);
      },
      onError: searchFailureHandler(SERVER_FIELDS, t("search.theEventSearch"), { setErrors, setFormError, setStatus }),
    },
  );
  const busy = search.busy;

  const load = (searched: EventSearchForm, cursors: (number | null)[]) => {
    setFormError(null);
    setStatus(t("search.searchingEvents"));
    void search.run(searched, cursors);
  };

  const { form, change, submit } = useSearchForm(EMPTY_EVENT_FORM, (searched) => {
    const found = validateEventForm(searched);
    setErrors(found);
    if (hasErrors(found)) {
      setStatus(t("search.correctTheHighlightedFields"));
      return;
    }
    load(searched, [null]);
  });

  return (
    <div className="search-panel">
      <SearchForm title={t("search.searchStoredEvents")} onSubmit={submit}>
        <FormField
          id="event-type"
          label={t("search.eventType")}
          error={errors.type}
          hint={
            <>
              The type or its start: <code>alert.</code> finds every alert event. Empty: all types.
            </>
          }
        >
          {(control) => (
            <input
              list="event-type-suggestions"
              value={form.type}
              autoComplete="off"
              onChange={(e) => change({ type: e.target.value })}
              {...control}
            />
          )}
        </FormField>
        <datalist id="event-type-suggestions">
          {EVENT_TYPE_SUGGESTIONS.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <ScopeFields idPrefix="event" cameras={cameras} scope={form} errors={errors} onChange={change} />
        <LimitSelect
          id="event-limit"
          label={t("search.perPage")}
          values={EVENT_PAGE_SIZES}
          optionLabel={(size) => t("search.events", { size })}
          value={form.limit}
          onChange={(limit) => change({ limit })}
        />
        <SearchActions label={t("search.searchEvents")} busy={busy} error={formError} />
        <p className="muted search-wide">
          {t("search.coversTheServerS")}
        </p>
      </SearchForm>
      <SearchStatus testId="event-status" status={status} />
      {shown ? (
        <section aria-labelledby="event-results-title">
          <h2 id="event-results-title">{t("search.events2")}</h2>
          <EventResults events={shown.page.events} cameraName={cameraName} />
          <Pager
            label={t("search.eventResultPages")}
            position={t("search.page", { count: shown.cursors.length })}
            hasPrevious={shown.cursors.length > 1 && !busy}
            hasNext={shown.page.next_cursor !== null && !busy}
            onPrevious={() => load(shown.form, shown.cursors.slice(0, -1))}
            onNext={() => load(shown.form, [...shown.cursors, shown.page.next_cursor])}
          />
        </section>
      ) : null}
    </div>
  );
}
