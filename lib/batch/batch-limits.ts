/** Groq's Batch API limits (PROVIDERS.md): lines per file, bytes per file, and the windows it accepts. */
export const batchLimits = {
  maxLines: 50_000,
  maxBytes: 200 * 1024 * 1024,
  maxCustomIdLength: 512,
  /** How many line problems one refusal lists, so a broken 50,000-line file gives a readable answer. */
  maxReportedProblems: 20,
  endpoint: '/v1/chat/completions',
  minWindowHours: 24,
  maxWindowHours: 168,
} as const;
