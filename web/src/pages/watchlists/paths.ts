export const WATCHLISTS_PATH = "/admin/watchlists";
export const HOTLISTS_PATH = `${WATCHLISTS_PATH}/vehicles`;
export const SUBJECTS_PATH = `${WATCHLISTS_PATH}/persons`;

export const hotlistPath = (id: number) => `${HOTLISTS_PATH}/${id}`;
export const subjectPath = (id: string) => `${SUBJECTS_PATH}/${encodeURIComponent(id)}`;
