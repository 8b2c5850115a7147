const hintPattern = /\[emulate\s+([^\]]*)\]/gi;

/** Settings a test can put in a message, e.g. `[emulate tokens=20000]` or `[emulate transcript=Hello there.]`. */
export type EmulateHints = { tokens?: number; transcript?: string };

/** Reads `[emulate key=value ...]` hints from text. */
export function readHints(text: string): EmulateHints {
  const hints: EmulateHints = {};
  for (const match of text.matchAll(hintPattern)) {
    const body = match[1] ?? '';
    const tokens = /(?:^|\s)tokens=(\d+)/i.exec(body);
    if (tokens?.[1]) hints.tokens = Number(tokens[1]);
    // The transcript runs to the closing bracket so it may contain spaces.
    const transcript = /(?:^|\s)transcript=(.*)$/i.exec(body);
    if (transcript?.[1] !== undefined) hints.transcript = transcript[1];
  }
  return hints;
}

/** The text with hints removed, so replies quote what the user actually wrote. */
export function stripHints(text: string): string {
  return text.replace(hintPattern, '').replace(/\s{2,}/g, ' ').trim();
}
