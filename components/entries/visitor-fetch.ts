// fetch for the routes that know an anonymous visitor by the hb_visitor cookie (views,
// decision-tree answers). The cookie is HttpOnly and minted by the first such response, so
// until that response is back, later requests wait for it: otherwise the view count sent on
// load and a quick answer would each mint a different visitor.
let firstRequest: Promise<unknown> | null = null;

export function visitorFetch(input: string, init?: RequestInit): Promise<Response> {
  if (firstRequest) return firstRequest.then(() => fetch(input, init));
  const request = fetch(input, init);
  firstRequest = request.catch(() => null);
  return request;
}
