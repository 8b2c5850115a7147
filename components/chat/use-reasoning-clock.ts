'use client';

import type { ChatStatus } from 'ai';
import { useEffect, useRef } from 'react';
import type { FlintUIMessage } from '@/lib/chat/message';

/**
 * Times how long a reasoning model thought: from sending the question to its first answer text.
 * The server sends no reasoning timestamps, and a fast model's reasoning and first text can reach
 * the browser in one render, so the clock starts at the request rather than at the first thought.
 * Returns a reader for a message's thinking time, or undefined when it did not reason.
 */
export function useReasoningClock(messages: FlintUIMessage[], status: ChatStatus) {
  const sentAt = useRef<number | undefined>(undefined);
  const clocks = useRef(new Map<string, { startedAt: number; endedAt?: number }>());
  const last = messages.at(-1);

  useEffect(() => {
    if (status === 'submitted') sentAt.current = performance.now();
  }, [status]);

  useEffect(() => {
    if (last?.role !== 'assistant' || sentAt.current === undefined) return;
    if (!last.parts.some((part) => part.type === 'reasoning' && part.text)) return;
    let clock = clocks.current.get(last.id);
    if (!clock) {
      clock = { startedAt: sentAt.current };
      clocks.current.set(last.id, clock);
    }
    const answering = last.parts.some((part) => (part.type === 'text' && part.text) || (part.type === 'reasoning' && part.state === 'done'));
    if (answering && clock.endedAt === undefined) clock.endedAt = performance.now();
  }, [last]);

  return (message: FlintUIMessage): number | undefined => {
    const clock = clocks.current.get(message.id);
    if (clock) return Math.round((clock.endedAt ?? performance.now()) - clock.startedAt);
    // A reply that arrived whole before any render: thinking lasted at most until now.
    const reasoned = message.parts.some((part) => part.type === 'reasoning' && part.text);
    return reasoned && sentAt.current !== undefined ? Math.round(performance.now() - sentAt.current) : undefined;
  };
}
