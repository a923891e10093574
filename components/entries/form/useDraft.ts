"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";

/**
 * State that survives a reload: kept in localStorage under `key` while being edited.
 * `clear()` forgets it (after a successful submit).
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(initial);
  const restored = useRef(false);
  // An effect event: it reads the latest `initial` (a new object on every render) without
  // re-running the restore, which happens once per key.
  const restore = useEffectEvent((draftKey: string) => {
    try {
      const saved = localStorage.getItem(draftKey);
      if (saved) setValue({ ...initial, ...(JSON.parse(saved) as Partial<T>) });
    } catch {
      // A corrupt or inaccessible draft is ignored.
    }
    restored.current = true;
  });
  useEffect(() => {
    restore(key);
  }, [key]);
  useEffect(() => {
    if (!restored.current) return;
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the draft just is not kept.
    }
  }, [key, value]);
  const clear = () => {
    try {
      localStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
  };
  return [value, setValue, clear] as const;
}
