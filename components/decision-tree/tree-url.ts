// The guided walk's position lives in the URL, one search parameter per tree:
// `?solution-tree-1=1.0` means "answer 1 at the first question, then answer 0" (0-based answer
// indexes, as walk() takes them). Changing it pushes a history entry without a server round trip
// (Next.js folds window.history.pushState into its router), so Back and Forward step through the
// walk and a copied link reopens the same step.

const listeners = new Set<() => void>();

/** For useSyncExternalStore: calls `listener` on Back/Forward and after pushTreePath. */
export function subscribeToTreeUrl(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export const currentSearch = (): string => window.location.search;

const MAX_STEPS = 64;

/** Answer indexes of `treeKey` in a search string; stops at the first part that is not an index. */
export function treePathFromSearch(search: string, treeKey: string): number[] {
  const value = new URLSearchParams(search).get(treeKey);
  if (!value) return [];
  const path: number[] = [];
  for (const part of value.split(".").slice(0, MAX_STEPS)) {
    if (!/^\d{1,3}$/.test(part)) break;
    path.push(Number(part));
  }
  return path;
}

/** This page's path and query with `treeKey` set to `path` (removed when empty); other parameters stay. */
export function hrefWithTreePath(search: string, treeKey: string, path: readonly number[]): string {
  const params = new URLSearchParams(search);
  if (path.length > 0) params.set(treeKey, path.join("."));
  else params.delete(treeKey);
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ""}`;
}

export function pushTreePath(treeKey: string, path: readonly number[]): void {
  window.history.pushState(null, "", hrefWithTreePath(window.location.search, treeKey, path));
  for (const listener of listeners) listener();
}
