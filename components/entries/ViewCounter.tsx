"use client";

import { useEffect, useState } from "react";
import { visitorFetch } from "@/components/entries/visitor-fetch";

/**
 * "Viewed N times". The page around it is cached static HTML, so the view is counted by this
 * request after load (the server decides whether it counts), and the fresh count replaces
 * the cached one.
 */
export function ViewCounter({ slug, initialCount }: { slug: string; initialCount: number }) {
  const [count, setCount] = useState(initialCount);
  useEffect(() => {
    const controller = new AbortController();
    visitorFetch(`/api/entries/${encodeURIComponent(slug)}/views`, { method: "POST", signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { viewCount?: number } | null) => {
        if (typeof body?.viewCount === "number") setCount(body.viewCount);
      })
      .catch(() => {
        // Counting a view is best effort; the cached count stays on screen.
      });
    return () => controller.abort();
  }, [slug]);
  return (
    <span data-testid="view-count">
      Viewed {count.toLocaleString("en")} {count === 1 ? "time" : "times"}
    </span>
  );
}
