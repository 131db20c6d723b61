export const PERSONS_PATH = "/persons";
export const NEW_PERSON_PATH = `${PERSONS_PATH}/new`;

export const personPath = (id: number) => `${PERSONS_PATH}/${id}`;
export const editPersonPath = (id: number) => `${personPath(id)}/edit`;
export const mergePersonPath = (id: number) => `${personPath(id)}/merge`;
