/** The request path of one custom status; the id is encoded so it cannot leave the path. */
export const customStatusPath = (id: string) => `/custom_statuses/${encodeURIComponent(id)}`;
