import { type ReactNode, useId, useState } from "react";
import type { Resource } from "../../api/useResource";
import { StateMessage } from "../../components/StateMessage";
import { t } from "../../i18n/catalogue";

interface ChartPanelProps<T> {
  title: string;
  /** Lower-case name for loading and error messages, e.g. "alert counts". */
  what: string;
  resource: Resource<T>;
  isEmpty: (data: T) => boolean;
  emptyText: string;
  chart: (data: T) => ReactNode;
  table: (data: T) => ReactNode;
  testId: string;
}

/**
 * One chart with its loading, error and empty states. Its table of numbers is always in the page for
 * screen readers (visually hidden) and can be shown on screen too.
 */
export function ChartPanel<T>({ title, what, resource, isEmpty, emptyText, chart, table, testId }: ChartPanelProps<T>) {
  const [tableShown, setTableShown] = useState(false);
  const headingId = useId();
  const tableId = useId();
  const data = resource.data;
  const empty = data !== null && isEmpty(data);
  return (
    <section
      className="card dash-panel"
      aria-labelledby={headingId}
      aria-busy={resource.status === "loading"}
      data-testid={testId}
    >
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        {data !== null && !empty ? (
          <button
            type="button"
            className="btn btn-quiet btn-small"
            aria-expanded={tableShown}
            aria-controls={tableId}
            onClick={() => setTableShown((shown) => !shown)}
          >
            {tableShown ? t("dashboards.hideTable") : t("dashboards.showTable")}
          </button>
        ) : null}
      </div>
      <StateMessage resource={resource} what={what} />
      {data !== null && empty ? (
        <p className="state" role="status">
          {emptyText}
        </p>
      ) : null}
      {data !== null && !empty ? (
        <>
          {chart(data)}
          <div id={tableId} className={tableShown ? "dash-table-shown" : "visually-hidden"}>
            {table(data)}
          </div>
        </>
      ) : null}
    </section>
  );
}
