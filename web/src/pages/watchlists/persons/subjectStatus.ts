import type { Subject } from "../types";

/** Whether live faces can match the subject, in words (never colour alone). */
export function subjectStatus(subject: Pick<Subject, "expired" | "vectors">): { searchable: boolean; text: string } {
  if (subject.expired) return { searchable: false, text: "Expired: not matched" };
  if (subject.vectors === 0) return { searchable: false, text: "No enrolled face: not matched yet" };
  return { searchable: true, text: `Active: ${subject.vectors} ${subject.vectors === 1 ? "face" : "faces"} enrolled` };
}
