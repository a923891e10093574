"use client";

import { useEffect, useRef, useState } from "react";

/**
 * State that survives a reload: kept in localStorage under `key` while being edited.
 * `clear()` forgets it (after a successful submit).
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(initial);
  const restored = useRef(false);
  useEffect(() => {
    try {
      const saved = localStorage.getItem(key);
      if (saved) setValue({ ...initial, ...(JSON.parse(saved) as Partial<T>) });
    } catch {
      // A corrupt or inaccessible draft is ignored.
    }
    restored.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
