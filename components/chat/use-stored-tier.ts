'use client';

import { useCallback, useEffect, useState } from 'react';
import { tiers, type Tier } from '@/lib/chat/tiers';

const key = 'flint.tier';

/** The tier picked in the composer, remembered in this browser between visits. */
export function useStoredTier(): [Tier, (tier: Tier) => void] {
  const [tier, setTier] = useState<Tier>('auto');

  // Read after mount: the server render cannot know it, and a mismatch would break hydration.
  useEffect(() => {
    const stored = localStorage.getItem(key);
    if (stored && (tiers as readonly string[]).includes(stored)) setTier(stored as Tier);
  }, []);

  const choose = useCallback((next: Tier) => {
    setTier(next);
    try {
      localStorage.setItem(key, next);
    } catch {
      // Not remembering a preference is harmless; chat storage failures are reported elsewhere.
    }
  }, []);

  return [tier, choose];
}
