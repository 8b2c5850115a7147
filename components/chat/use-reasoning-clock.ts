'use client';

import { useEffect, useRef } from 'react';
import type { FlintUIMessage } from '@/lib/chat/message';

/**
 * Times the visible reasoning of the answer being streamed: from its first reasoning text to its
 * first answer text. The server sends no timestamps for reasoning, so the browser measures it.
 * Returns a reader for the measured duration of a message, once known.
 */
export function useReasoningClock(messages: FlintUIMessage[], streaming: boolean) {
  const clocks = useRef(new Map<string, { startedAt: number; endedAt?: number }>());
  const last = messages.at(-1);

  useEffect(() => {
    if (!streaming || last?.role !== 'assistant') return;
    const reasoning = last.parts.some((part) => part.type === 'reasoning' && part.text);
    const answering = last.parts.some((part) => (part.type === 'text' && part.text) || (part.type === 'reasoning' && part.state === 'done'));
    const clock = clocks.current.get(last.id);
    if (reasoning && !clock) clocks.current.set(last.id, { startedAt: performance.now() });
    else if (answering && clock && clock.endedAt === undefined) clock.endedAt = performance.now();
  }, [last, streaming]);

  return (messageId: string): number | undefined => {
    const clock = clocks.current.get(messageId);
    if (!clock) return undefined;
    return Math.round((clock.endedAt ?? performance.now()) - clock.startedAt);
  };
}
