// Shared by the server (lib/visitors.ts) and the browser (components/entries/visitor-fetch.ts).

/**
 * Set on a response that gave the browser its first visitor cookie: the request counted nothing
 * (a request without a visitor cannot move a count), so the browser sends it again.
 */
export const NEW_VISITOR_HEADER = "hb-new-visitor";
