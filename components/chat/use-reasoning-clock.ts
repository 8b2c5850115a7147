'use client';

import type { ChatStatus } from 'ai';
import { useEffect, useRef } from 'react';
import type { FlintUIMessage } from '@/lib/chat/message';
import { advanceReasoningClocks, reasoningDurations, type ReasoningClock } from '@/lib/chat/reasoning-clocks';

/**
 * Times how long a reasoning model thought, one figure per reasoning block (a multi-step answer
 * thinks again after each tool step). The server sends no reasoning timestamps, so the page clocks
 * what it sees (lib/chat/reasoning-clocks.ts). Returns a reader for a message's thinking times, or
 * undefined when it did not reason.
 */
export function useReasoningClock(messages: FlintUIMessage[], status: ChatStatus) {
  const sentAt = useRef<number | undefined>(undefined);
  const clocks = useRef(new Map<string, ReasoningClock[]>());
  const last = messages.at(-1);

  useEffect(() => {
    if (status === 'submitted') sentAt.current = performance.now();
  }, [status]);

  useEffect(() => {
    if (last?.role !== 'assistant' || sentAt.current === undefined) return;
    const advanced = advanceReasoningClocks(clocks.current.get(last.id) ?? [], last.parts, sentAt.current, performance.now());
    if (advanced.length > 0) clocks.current.set(last.id, advanced);
  }, [last]);

  // Read as the answer ends, which can be before the page rendered its last parts: those are clocked now.
  return (message: FlintUIMessage): number[] | undefined => {
    if (sentAt.current === undefined) return undefined;
    const now = performance.now();
    const final = advanceReasoningClocks(clocks.current.get(message.id) ?? [], message.parts, sentAt.current, now, { final: true });
    return final.length > 0 ? reasoningDurations(final, now) : undefined;
  };
}
