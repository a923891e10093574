"use client";

import { useEffect, useRef } from "react";

/**
 * Submits the surrounding form when one of its selects changes, so filters apply at once.
 * Without JavaScript the form's own "Apply" button does the same.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const submit = (event: Event) => {
      if (event.target instanceof HTMLSelectElement) form.requestSubmit();
    };
    form.addEventListener("change", submit);
    form.dataset.autoSubmit = "on";
    return () => form.removeEventListener("change", submit);
  }, []);
  return <span ref={marker} hidden />;
}
