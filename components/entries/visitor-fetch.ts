// fetch for the routes that know an anonymous visitor by the hb_visitor cookie (views,
// decision-tree answers). The cookie is HttpOnly and minted by the first such response, which
// counts nothing (lib/visitors.ts) and says so with NEW_VISITOR_HEADER: the request is then
// sent again, with the cookie. Until that first exchange is over, later requests wait for it:
// otherwise the view count sent on load and a quick answer would each mint a different visitor.
import { NEW_VISITOR_HEADER } from "@/lib/new-visitor";

let firstRequest: Promise<unknown> | null = null;

export function visitorFetch(input: string, init?: RequestInit): Promise<Response> {
  if (firstRequest) return firstRequest.then(() => send(input, init));
  const request = send(input, init);
  firstRequest = request.catch(() => null);
  return request;
}

async function send(input: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  // Once only: a browser that refuses the cookie gets the header again.
  return response.headers.has(NEW_VISITOR_HEADER) ? fetch(input, init) : response;
}
