/** What the screen-reader live region should say next, and how much of the answer it has said. */
export type Announcement = { text: string; spoken: number };

// The end of a sentence or a line: the unit a listener can take in without being interrupted.
const boundary = /[.!?:;](?=\s)|\n/g;

/** Markdown punctuation a screen reader would read aloud as symbols. */
function forSpeech(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/[*_`#>|]+/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The next whole sentences of a streaming answer that have not been announced yet. Announcing
 * sentence by sentence keeps a polite live region from re-reading the answer on every token;
 * once the answer is `done`, the rest is announced even without a full stop.
 */
export function nextAnnouncement(answer: string, spoken: number, done: boolean): Announcement | undefined {
  let end = done ? answer.length : -1;
  if (!done) {
    for (const match of answer.slice(spoken).matchAll(boundary)) end = spoken + match.index + match[0].length;
  }
  if (end <= spoken) return undefined;
  return { text: forSpeech(answer.slice(spoken, end)), spoken: end };
}
