import type { Subject } from "../types";
import { t } from "../../../i18n/catalogue";

/** Whether live faces can match the subject, in words (never colour alone). */
export function subjectStatus(subject: Pick<Subject, "expired" | "vectors">): { searchable: boolean; text: string } {
  if (subject.expired) return { searchable: false, text: t("watchlists.persons.expiredNotMatched") };
  if (subject.vectors === 0) return { searchable: false, text: t("watchlists.persons.noEnrolledFaceNot") };
  return { searchable: true, text: `Active: ${subject.vectors} ${subject.vectors === 1 ? "face" : "faces"} enrolled` };
}
