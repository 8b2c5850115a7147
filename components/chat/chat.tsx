'use client';

import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useMemo, useRef, useState } from 'react';
import type { FlintUIMessage, Tier } from '@/lib/chat/message';
import { toErrorNotice } from '@/lib/chat/error-notice';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { ErrorBanner } from './error-banner';

/** The whole chat: messages, the composer and error recovery. */
export function Chat({ configured }: { configured: boolean }) {
  const [tier, setTier] = useState<Tier>('auto');
  const tierRef = useRef(tier);
  tierRef.current = tier;
  const transport = useMemo(
    () => new DefaultChatTransport<FlintUIMessage>({ api: '/api/chat', body: () => ({ tier: tierRef.current }) }),
    [],
  );
  const { messages, sendMessage, status, stop, error, regenerate, clearError } = useChat<FlintUIMessage>({ transport });
  const busy = status === 'submitted' || status === 'streaming';

  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <MessageList messages={messages} status={status} />
      {error && (
        <ErrorBanner
          notice={toErrorNotice(error)}
          onRetry={() => {
            clearError();
            void regenerate();
          }}
        />
      )}
      <Composer
        busy={busy}
        disabled={!configured}
        tier={tier}
        onTierChange={setTier}
        onSend={(text) => void sendMessage({ text })}
        onStop={() => void stop()}
      />
    </main>
  );
}
