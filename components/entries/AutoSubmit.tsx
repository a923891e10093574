"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Enhances the surrounding GET filter form: a changed select applies at once, and the URL
 * leaves out empty fields ("?category=debug", not "?category=debug&language=&status=").
 * Without JavaScript the form's own "Apply" button submits it as it is.
 */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  const router = useRouter();
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const navigate = (event: SubmitEvent) => {
      event.preventDefault();
      const query = new URLSearchParams();
      for (const [name, value] of new FormData(form))
        if (typeof value === "string" && value !== "") query.append(name, value);
      const text = query.toString();
      router.push(`${form.getAttribute("action") ?? ""}${text ? `?${text}` : ""}`);
    };
    const submitOnSelect = (event: Event) => {
      if (event.target instanceof HTMLSelectElement) form.requestSubmit();
    };
    form.addEventListener("submit", navigate);
    form.addEventListener("change", submitOnSelect);
    // Says the form applies selects at once (before hydration, a change does nothing).
    form.dataset.autoSubmit = "on";
    return () => {
      form.removeEventListener("submit", navigate);
      form.removeEventListener("change", submitOnSelect);
      delete form.dataset.autoSubmit;
    };
  }, [router]);
  return <span ref={marker} hidden />;
}
