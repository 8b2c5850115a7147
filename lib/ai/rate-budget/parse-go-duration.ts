const unitMs: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, 'µs': 0.001, 'μs': 0.001, ns: 0.000_001 };
const part = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|μs|ns)/g;
const whole = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|μs|ns))+$/;

/** Milliseconds in a Go duration as rate-limit reset headers print it (`2m59.56s`, `7.66s`, `400ms`); a bare number is seconds. */
export function parseGoDuration(text: string): number | undefined {
  const value = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  if (!whole.test(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(part)) total += Number(amount) * unitMs[unit!]!;
  return total;
}
