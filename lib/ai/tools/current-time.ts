import { tool, zodSchema } from 'ai';
import { z } from 'zod';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The current date and time in an IANA time zone; an unknown zone is an error the model can correct. */
export function createCurrentTime(now: () => Date = () => new Date()) {
  return tool({
    description: 'The current date and time in a time zone. Use IANA names such as "Europe/Oslo", "America/New_York" or "UTC".',
    // Wrapped once, so the JSON schema the SDK sends on every step is converted once per process, not per call.
    inputSchema: zodSchema(z.object({ timeZone: z.string().min(1).max(64).describe('IANA time zone name') })),
    execute: async ({ timeZone }) => {
      if (!isTimeZone(timeZone)) throw new Error(`Unknown time zone "${timeZone}". Use an IANA name such as "Europe/Oslo" or "UTC".`);
      const date = now();
      const local = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'long' }).format(date);
      return { timeZone, iso: date.toISOString(), local };
    },
  });
}

/** `current_time` on the real clock. */
export const currentTime = createCurrentTime();
