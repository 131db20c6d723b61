/**
 * The two-person rule as the operator sees it (src/safecity/watchlist/persons/candidates.py): a face
 * candidate becomes a match only when two different people confirm it; one reject by anyone rejects it.
 */
import type { FaceCandidate } from "./types";
import { t } from "../../i18n/catalogue";

export const CONFIRMATIONS_NEEDED = 2;

export interface TwoPersonState {
  /** The state in words. */
  summary: string;
  /** Whether the current user may still decide (the server refuses a second decision by the same person). */
  canDecide: boolean;
  /** Confirmations so far, out of CONFIRMATIONS_NEEDED. */
  confirmations: number;
}

function names(usernames: string[], me: string): string {
  const shown = usernames.map((u) => (u === me ? `${u} (you)` : u));
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

export function twoPersonState(candidate: FaceCandidate, me: string): TwoPersonState {
  const confirmers = candidate.decisions.filter((d) => d.decision === "confirm").map((d) => d.username);
  const rejecter = candidate.decisions.find((d) => d.decision === "reject")?.username;
  const decidedByMe = candidate.decisions.some((d) => d.username === me);
  const confirmations = confirmers.length;
  if (candidate.status === "confirmed") {
    return { summary: t("alerts.confirmedMatchConfirmedBy", { names: names(confirmers, me) }), canDecide: false, confirmations };
  }
  if (candidate.status === "rejected") {
    return {
      summary: rejecter ? t("alerts.rejectedBy", { names: names([rejecter], me) }) : t("alerts.rejected2"),
      canDecide: false,
      confirmations,
    };
  }
  if (confirmations === 0) {
    return {
      summary: t("alerts.notAMatchYet", { confirmationsNeeded: CONFIRMATIONS_NEEDED }),
      canDecide: true,
      confirmations,
    };
  }
  const first = confirmers[0] ?? "";
  if (decidedByMe) {
    return {
      summary: t("alerts.firstConfirmationByAwaiting", { names: names([first], me) }),
      canDecide: false,
      confirmations,
    };
  }
  return {
    summary: t("alerts.firstConfirmationByAwaiting2", { first }),
    canDecide: true,
    confirmations,
  };
}
