/**
 * JSON that survives a round trip of what model results hold: Dates (response timestamps) and bytes
 * (file parts). Used for cache keys and cache entries alike.
 */
export function encodeCached(value: unknown, sortKeys = false): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, encoded: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.toISOString() };
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString('base64') };
    if (raw instanceof URL) return raw.href;
    if (sortKeys && encoded !== null && typeof encoded === 'object' && !Array.isArray(encoded)) {
      // Same settings in another key order must give the same cache key.
      return Object.fromEntries(Object.entries(encoded).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return encoded;
  });
}

/** Reverses {@link encodeCached}. */
export function decodeCached<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const marked = value as { $date?: unknown; $bytes?: unknown };
      if (typeof marked.$date === 'string') return new Date(marked.$date);
      if (typeof marked.$bytes === 'string') return new Uint8Array(Buffer.from(marked.$bytes, 'base64'));
    }
    return value;
  }) as T;
}
