"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

type Status = "idle" | "copied" | "selected";

const noopSubscribe = () => () => {};

/**
 * Copies the text of the nearest `[data-code-block] pre`.
 * Hidden until hydrated (it cannot work without JS). If the Clipboard API is
 * missing or refuses, it selects the code so the user can copy it by hand.
 */
export function CopyButton() {
  const hydrated = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  const [status, setStatus] = useState<Status>("idle");
  const buttonRef = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    const pre = buttonRef.current?.closest("[data-code-block]")?.querySelector("pre");
    if (!pre) return;
    let next: Status = "selected";
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(pre.textContent ?? "");
        next = "copied";
      }
    } catch {
      // permission denied or insecure context: fall through to selecting
    }
    if (next === "selected") {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    setStatus(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus("idle"), 2000);
  }

  const label = status === "copied" ? "Copied" : status === "selected" ? "Selected" : "Copy";
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="copy-button"
        hidden={!hydrated}
        aria-label={status === "idle" ? "Copy code" : undefined}
        onClick={copy}
      >
        {label}
      </button>
      <span role="status" className="sr-only">
        {status === "copied"
          ? "Code copied to clipboard"
          : status === "selected"
            ? "Code selected, press Ctrl+C to copy"
            : ""}
      </span>
    </>
  );
}
