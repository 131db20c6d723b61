export const WATCHLISTS_PATH = "/admin/watchlists";
export const HOTLISTS_PATH = `${WATCHLISTS_PATH}/vehicles`;
export const SUBJECTS_PATH = `${WATCHLISTS_PATH}/persons`;

export const hotlistPath = (id: number) => `${HOTLISTS_PATH}/${id}`;
export const subjectPath = (id: string) => `${SUBJECTS_PATH}/${encodeURIComponent(id)}`;

/** Navigation state that carries a message to the page navigated to (e.g. after a delete). */
export interface ArrivalState {
  message?: string;
}

export function arrivalMessage(state: unknown): string | null {
  return typeof state === "object" && state !== null && typeof (state as ArrivalState).message === "string"
    ? ((state as ArrivalState).message ?? null)
    : null;
}
