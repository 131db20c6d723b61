import { useCallback, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useResource } from "../../../api/useResource";
import { useAuth } from "../../../auth/AuthContext";
import { Permission } from "../../../auth/permissions";
import { StateMessage } from "../../../components/StateMessage";
import { BASE_PATH } from "../labels";
import type { DecisionOutcome } from "../types";
import { noticeFor, type Notice } from "./outcome";
import { nextInQueue, previousInQueue } from "./progression";
import { QueueFilters, type QueueFilter } from "./QueueFilters";
import { QueueNav } from "./QueueNav";
import { QueueTable } from "./QueueTable";
import { ShortcutHelp } from "./ShortcutHelp";
import { useShortcuts } from "./shortcuts";
import { ValidationView } from "./ValidationView";
import { t } from "../../../i18n/catalogue";

export const QUEUE_LIMIT = 200;

/** The violation id in `/challan/violations/<id>`, from this area's splat. */
function openIdOf(splat: string): string | null {
  const match = /^violations\/([^/]+)\/?$/.exec(splat);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The validation queue: pending violations oldest first; open one, decide, and the next one opens. */
export function QueuePage() {
  const { client, can } = useAuth();
  const canValidate = can(Permission.CHALLAN_VALIDATE);
  const navigate = useNavigate();
  const openId = openIdOf(useParams()["*"] ?? "");
  const [filter, setFilter] = useState<QueueFilter>({ queue: "validation", cameraId: "" });
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);

  const { resource, reload } = useResource(
    (signal) =>
      client.GET("/api/v1/challan/violations", {
        params: { query: { queue: filter.queue, status: "pending", camera_id: filter.cameraId, limit: QUEUE_LIMIT } },
        signal,
      }),
    [client, filter.queue, filter.cameraId],
  );
  const reasons = useResource((signal) => client.GET("/api/v1/challan/reasons", { signal }), [client]);

  // Decided violations leave the list at once, before the reload confirms it.
  const queue = useMemo(() => (resource.data ?? []).filter((v) => !done.has(v.id)), [resource.data, done]);
  const open = useCallback(
    (id: string | null) => navigate(id ? `${BASE_PATH}/violations/${encodeURIComponent(id)}` : BASE_PATH),
    [navigate],
  );

  const onDecided = (outcome: DecisionOutcome) => {
    const decidedId = outcome.violation.id;
    setDone((previous) => new Set(previous).add(decidedId));
    setNotice(noticeFor(outcome));
    open(nextInQueue(resource.data ?? [], decidedId, done));
    reload();
  };
  const changeFilter = (next: QueueFilter) => {
    setDone(new Set());
    setFilter(next);
  };

  useShortcuts({
    next: () => {
      const next = nextInQueue(queue, openId);
      if (next) open(next);
    },
    previous: () => {
      const previous = previousInQueue(queue, openId);
      if (previous) open(previous);
    },
  });

  const index = openId ? queue.findIndex((v) => v.id === openId) : -1;
  const position = index >= 0 ? `${index + 1} of ${queue.length}` : null;
  const reasonsError = reasons.resource.status === "error" ? t("challan.queue.couldNotLoadThe", { error: reasons.resource.error }) : null;

  return (
    <section aria-labelledby="challan-queue-title">
      <div className="page-head">
        <h2 id="challan-queue-title">{filter.queue === "validation" ? t("challan.queue.validationQueue") : t("challan.queue.registryProblems")}</h2>
        <QueueFilters value={filter} onChange={changeFilter} />
      </div>
      <div role="status" className="challan-notice" data-testid="queue-notice">
        {notice ? (
          <p className="state state-ok">
            {notice.text}{" "}
            {notice.ticketNumber ? (
              <Link to={`${BASE_PATH}/tickets/${encodeURIComponent(notice.ticketNumber)}`}>{t("challan.queue.openTicket", { ticketNumber: notice.ticketNumber })}</Link>
            ) : null}
          </p>
        ) : null}
      </div>
      <ShortcutHelp actions={canValidate && openId ? ["accept", "reject", "next", "previous"] : ["next", "previous"]} />
      <StateMessage resource={resource} what={t("challan.queue.theViolationQueue")} />
      {resource.data ? (
        <QueueSummary
          count={queue.length}
          full={resource.data.length >= QUEUE_LIMIT}
          opened={openId !== null}
          onStart={() => open(queue[0]?.id ?? null)}
          onRefresh={reload}
        />
      ) : null}
      {openId ? (
        <div className="challan-queue-layout">
          {queue.length ? <QueueNav violations={queue} openId={openId} /> : <div />}
          <ValidationView
            key={openId}
            violationId={openId}
            position={position}
            canValidate={canValidate}
            reasons={reasons.resource.data}
            reasonsError={reasonsError}
            onDecided={onDecided}
            onConflict={reload}
          />
        </div>
      ) : queue.length ? (
        <QueueTable violations={queue} />
      ) : null}
    </section>
  );
}

interface SummaryProps {
  count: number;
  full: boolean;
  opened: boolean;
  onStart: () => void;
  onRefresh: () => void;
}

function QueueSummary({ count, full, opened, onStart, onRefresh }: SummaryProps) {
  return (
    <div className="challan-summary">
      <p className="state" data-testid="queue-count">
        {count === 0
          ? t("challan.queue.noPendingViolationsThe")
          : t("challan.queue.pendingCount", { count, shown: full ? t("challan.queue.theOldestAreShown", { limit: QUEUE_LIMIT }) : "" })}
      </p>
      {opened || count === 0 ? null : (
        <button type="button" className="btn btn-primary" onClick={onStart}>
          {t("challan.queue.startWithTheOldest")}
        </button>
      )}
      <button type="button" className="btn btn-quiet" onClick={onRefresh}>
        {t("challan.queue.refreshQueue")}
      </button>
    </div>
  );
}
