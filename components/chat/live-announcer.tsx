'use client';

import { useEffect, useRef, useState } from 'react';
import { nextAnnouncement } from '@/lib/chat/announcement';
import type { FlintUIMessage } from '@/lib/chat/message';
import { messageText } from '@/lib/chat/message-text';

/**
 * A polite live region that reads a streaming answer sentence by sentence. Only new sentences are
 * appended, so a screen reader never restarts the whole answer on each token. Answers that were
 * already there (history) are not read out.
 */
export function LiveAnnouncer({ answer, streaming }: { answer: FlintUIMessage | undefined; streaming: boolean }) {
  const progress = useRef<{ id: string | undefined; spoken: number }>({ id: answer?.id, spoken: answer ? messageText(answer).length : 0 });
  const [lines, setLines] = useState<Array<{ key: number; text: string }>>([]);
  const counter = useRef(0);
  const text = answer ? messageText(answer) : '';

  useEffect(() => {
    if (!answer) return;
    if (progress.current.id !== answer.id) progress.current = { id: answer.id, spoken: 0 };
    const next = nextAnnouncement(text, progress.current.spoken, !streaming);
    if (!next) return;
    progress.current.spoken = next.spoken;
    if (!next.text) return;
    counter.current += 1;
    const line = { key: counter.current, text: next.text };
    // Keep a few lines only: removals are not announced, and the region stays small.
    setLines((previous) => [...previous.slice(-4), line]);
  }, [answer, text, streaming]);

  return (
    <div className="sr-only" aria-live="polite" aria-atomic="false" data-testid="live-announcer">
      {lines.map((line) => (
        <p key={line.key}>{line.text}</p>
      ))}
    </div>
  );
}
