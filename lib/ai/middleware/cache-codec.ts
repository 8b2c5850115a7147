/** Rewrites Dates and bytes as JSON-safe markers (and optionally sorts keys) in one walk, before a replacer-free stringify. */
function toPlain(value: unknown, sortKeys: boolean): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (value instanceof URL) return value.href;
  if (Array.isArray(value)) return value.map((item) => toPlain(item, sortKeys));
  const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function');
  // Same settings in another key order must give the same cache key.
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const plain: Record<string, unknown> = {};
  for (const [key, item] of entries) plain[key] = toPlain(item, sortKeys);
  return plain;
}

function fromPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = fromPlain(value[index]);
    return value;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.$date === 'string') return new Date(record.$date);
  if (typeof record.$bytes === 'string') return new Uint8Array(Buffer.from(record.$bytes, 'base64'));
  for (const key of Object.keys(record)) record[key] = fromPlain(record[key]);
  return record;
}

/**
 * JSON that survives a round trip of what model results hold: Dates (response timestamps) and bytes
 * (file parts). Walks by hand: JSON.parse/stringify with a reviver or replacer is several times slower.
 */
export function encodeCached(value: unknown, sortKeys = false): string {
  return JSON.stringify(toPlain(value, sortKeys));
}

/** Reverses {@link encodeCached}. */
export function decodeCached<T>(text: string): T {
  return fromPlain(JSON.parse(text)) as T;
}
