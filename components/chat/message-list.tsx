'use client';

import type { ChatStatus } from 'ai';
import { useEffect, useRef } from 'react';
import type { FlintUIMessage } from '@/lib/chat/message';
import { MessageView } from './message-view';

/** The conversation; it follows the stream while the reader is at the bottom. */
export function MessageList({ messages, status }: { messages: FlintUIMessage[]; status: ChatStatus }) {
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages]);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto" data-testid="message-list">
      <ol className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-4 py-6" aria-live="polite" aria-busy={status === 'streaming'}>
        {messages.length === 0 && (
          <li className="mt-16 text-center text-zinc-500">
            <p className="text-lg font-medium text-zinc-700 dark:text-zinc-300">What can I help with?</p>
            <p className="text-sm">Answers stream from Groq&apos;s fast inference.</p>
          </li>
        )}
        {messages.map((message, index) => (
          <MessageView
            key={message.id}
            message={message}
            streaming={status === 'streaming' && index === messages.length - 1}
          />
        ))}
        {status === 'submitted' && (
          <li className="text-sm text-zinc-500" data-testid="thinking">Thinking…</li>
        )}
      </ol>
      <div ref={end} />
    </div>
  );
}
