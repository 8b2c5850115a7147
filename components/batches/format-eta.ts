/** Time left in words: "12 s", "3 min", "about 2 h"; an em dash when unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `about ${Math.round(seconds / 3600)} h`;
}
