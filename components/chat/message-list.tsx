'use client';

import type { ChatStatus } from 'ai';
import { useRef, type ReactNode } from 'react';
import { ArrowDownIcon } from '@/components/ui/icons';
import type { FlintUIMessage } from '@/lib/chat/message';
import { MessageView } from './message-view';
import { useFollowScroll } from './use-follow-scroll';

type MessageListProps = {
  messages: FlintUIMessage[];
  status: ChatStatus;
  /** Shown when there are no messages yet. */
  empty: ReactNode;
  /** Shown after the last message (an error with Retry). */
  footer: ReactNode;
  onRegenerate: () => void;
  onContinue: () => void;
  onEdit: (messageId: string, text: string) => void;
};

/** The conversation; it follows a streaming answer until the reader scrolls up, then offers a way back. */
export function MessageList({ messages, status, empty, footer, onRegenerate, onContinue, onEdit }: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const questions = messages.filter((message) => message.role === 'user').length;
  const { behind, jumpToLatest } = useFollowScroll(scroller, content, questions);
  const busy = status === 'submitted' || status === 'streaming';
  const latestAnswerIndex = messages.findLastIndex((message) => message.role === 'assistant');

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scroller} className="h-full overflow-y-auto [scrollbar-gutter:stable]" data-testid="message-list">
        <div ref={content}>
          {messages.length === 0 ? (
            empty
          ) : (
            <ol className="mx-auto flex w-full max-w-3xl flex-col gap-5 px-4 py-6" aria-label="Conversation" aria-busy={busy}>
              {messages.map((message, index) => (
                <MessageView
                  key={message.id}
                  message={message}
                  streaming={status === 'streaming' && index === messages.length - 1}
                  latest={index === latestAnswerIndex && index === messages.length - 1}
                  busy={busy}
                  onRegenerate={onRegenerate}
                  onContinue={onContinue}
                  onEdit={onEdit}
                />
              ))}
              {status === 'submitted' && (
                <li className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="thinking">
                  <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-orange-500" />
                  Thinking…
                </li>
              )}
            </ol>
          )}
          {footer}
        </div>
      </div>
      {behind && (
        <button
          type="button"
          onClick={jumpToLatest}
          data-testid="jump-to-latest"
          className="absolute bottom-3 left-1/2 inline-flex -translate-x-1/2 items-center gap-1.5 rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <ArrowDownIcon />
          Jump to latest
        </button>
      )}
    </div>
  );
}
