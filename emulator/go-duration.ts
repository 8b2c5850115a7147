/** Formats milliseconds the way Go's time.Duration prints, as rate-limit reset headers do (`2m59.56s`, `400ms`). */
export function formatGoDuration(milliseconds: number): string {
  const total = Math.max(0, milliseconds);
  if (total < 1000) return `${Math.round(total)}ms`;
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = (total % 60_000) / 1000;
  // Two decimals like the providers' headers, without trailing zeros.
  const secondsText = `${Number(seconds.toFixed(2))}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
  if (minutes > 0) return `${minutes}m${secondsText}`;
  return secondsText;
}
