'use client';

// First: zod must be told before any schema runs that this page has no eval.
import '@/lib/chat/zod-without-eval';
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, type FileUIPart } from 'ai';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { continueRequest } from '@/lib/chat/continue-request';
import { markUnfinished } from '@/lib/chat/mark-unfinished';
import { settleUnfinishedTools } from '@/lib/chat/settle-unfinished-tools';
import { toErrorNotice } from '@/lib/chat/error-notice';
import type { FlintUIMessage, Tier } from '@/lib/chat/message';
import { usePageSession } from '@/components/session/session-context';
import { Composer } from './composer';
import { EmptyState } from './empty-state';
import { ErrorBanner } from './error-banner';
import { LiveAnnouncer } from './live-announcer';
import { preloadMarkdown } from './markdown';
import { MessageList } from './message-list';
import { useReasoningClock } from './use-reasoning-clock';

/** What the page gives one conversation. */
export type ChatSessionProps = {
  chatId: string;
  initialMessages: FlintUIMessage[];
  configured: boolean;
  tier: Tier;
  onTierChange: (tier: Tier) => void;
  /** The chat turned tools off (kept with the chat). */
  initialToolsOff: boolean;
  /** Saves the conversation (and its tools switch) in the browser; resolves once it is stored. */
  onPersist: (messages: FlintUIMessage[], settings: { toolsOff: boolean }) => Promise<void>;
  onNewChat: () => void;
};

/**
 * One conversation: streams answers with useChat, offers stop, retry, regenerate, edit and
 * continue, and saves itself whenever a reply settles. Loaded as its own chunk (the AI SDK and
 * zod are most of its weight), in parallel with the chat history.
 */
export default function ChatSession({ chatId, initialMessages, configured, tier, onTierChange, initialToolsOff, onPersist, onNewChat }: ChatSessionProps) {
  const tierRef = useRef(tier);
  tierRef.current = tier;
  const [toolsOn, setToolsOn] = useState(!initialToolsOff);
  const toolsOnRef = useRef(toolsOn);
  toolsOnRef.current = toolsOn;
  const transport = useMemo(
    () => new DefaultChatTransport<FlintUIMessage>({ api: '/api/chat', body: () => ({ tier: tierRef.current, tools: toolsOnRef.current }) }),
    [],
  );
  const persistChat = useCallback((messages: FlintUIMessage[]) => onPersist(messages, { toolsOff: !toolsOnRef.current }), [onPersist]);
  const setMessagesRef = useRef<(update: (messages: FlintUIMessage[]) => FlintUIMessage[]) => void>(() => undefined);
  const reasoningDurationRef = useRef<(message: FlintUIMessage) => number[] | undefined>(() => undefined);

  const { messages, sendMessage, status, stop, error, regenerate, clearError, setMessages } = useChat<FlintUIMessage>({
    id: chatId,
    messages: initialMessages,
    transport,
    onFinish: ({ message, isAbort, isDisconnect, isError }) => {
      if (message.role !== 'assistant') return;
      const reasoningMs = reasoningDurationRef.current(message);
      // A lost connection or a broken stream leaves a partial answer: it must never pass for a complete one.
      const cut = !isAbort && (isDisconnect || isError);
      if (!isAbort && !cut && reasoningMs === undefined) return;
      // Facts only the browser knows, kept in metadata so they survive a reload.
      const patch = { ...(isAbort ? { stopped: true } : {}), ...(cut ? { interrupted: true } : {}), ...(reasoningMs === undefined ? {} : { reasoningMs }) };
      // A tool still running when the answer ended early will never finish: it becomes a tool error.
      const settle = isAbort || cut ? settleUnfinishedTools : (each: FlintUIMessage) => each;
      setMessagesRef.current((current) => current.map((each) => (each.id === message.id ? settle({ ...each, metadata: { ...each.metadata, ...patch } }) : each)));
    },
  });
  setMessagesRef.current = setMessages;
  const busy = status === 'submitted' || status === 'streaming';
  reasoningDurationRef.current = useReasoningClock(messages, status);
  const textbox = useRef<HTMLTextAreaElement>(null);
  const persisted = usePersistence(messages, busy, persistChat);

  useEffect(preloadMarkdown, []);

  // FLINT_REQUIRE_KEY: a refused session (key revoked, session lapsed) brings back the sign-in form.
  const { ended } = usePageSession();
  const unauthorized = error !== undefined && toErrorNotice(error).code === 'unauthorized:session';
  useEffect(() => {
    if (unauthorized) ended();
  }, [unauthorized, ended]);

  // Esc stops a streaming answer from anywhere on the page, not only from the textbox.
  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) void stop();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [busy, stop]);

  const ask = useCallback(
    (text: string, files: FileUIPart[] = []) => {
      clearError();
      // Images alone are a valid question ("what is this?" is implied); the SDK wants no empty text part then.
      void sendMessage(text ? { text, files, metadata: askedNow() } : { files, metadata: askedNow() });
      textbox.current?.focus();
    },
    [clearError, sendMessage],
  );
  const onRegenerate = useCallback(() => {
    clearError();
    void regenerate();
  }, [clearError, regenerate]);
  const onContinue = useCallback(() => ask(continueRequest), [ask]);
  const onEdit = useCallback(
    (messageId: string, text: string) => {
      clearError();
      // An edit changes the words only: the question's images go with it, or the answer would not have seen them.
      const files = messages.find((message) => message.id === messageId)?.parts.filter((part) => part.type === 'file') ?? [];
      void sendMessage(text ? { text, files, messageId, metadata: askedNow() } : { files, messageId, metadata: askedNow() });
      textbox.current?.focus();
    },
    [clearError, messages, sendMessage],
  );

  const onToolsChange = useCallback(
    (on: boolean) => {
      setToolsOn(on);
      toolsOnRef.current = on;
      // The switch belongs to the chat: a stored chat keeps it at once (mid-answer, the save at its end does).
      if (messages.length > 0 && !busy) void persistChat(messages);
    },
    [messages, busy, persistChat],
  );

  const lastAnswer = messages.at(-1)?.role === 'assistant' ? messages.at(-1) : undefined;
  const toolsInfo = messages.findLast((message) => message.role === 'assistant' && message.metadata?.tools)?.metadata?.tools;
  return (
    <main className="flex min-h-0 flex-1 flex-col" data-testid="chat-session" data-persisted={persisted ? 'saved' : 'pending'}>
      <MessageList
        messages={messages}
        status={status}
        empty={<EmptyState onPick={ask} disabled={!configured} />}
        footer={error && <ErrorBanner notice={toErrorNotice(error)} onRetry={onRegenerate} onNewChat={onNewChat} />}
        onRegenerate={onRegenerate}
        onContinue={onContinue}
        onEdit={onEdit}
      />
      <LiveAnnouncer answer={lastAnswer} streaming={status === 'streaming'} />
      <Composer
        busy={busy}
        disabled={!configured}
        tier={tier}
        textbox={textbox}
        onTierChange={onTierChange}
        tools={{ on: toolsOn, info: toolsInfo, onChange: onToolsChange }}
        onSend={ask}
        onStop={() => void stop()}
      />
    </main>
  );
}

// Every question carries metadata: the server validates each message's metadata as an object.
const askedNow = () => ({ createdAt: Date.now() });

/**
 * Saves the conversation when a question is added and when a reply settles (not on every token),
 * and once more if the tab is hidden mid-answer. Returns whether the latest messages are stored.
 */
function usePersistence(messages: FlintUIMessage[], busy: boolean, onPersist: (messages: FlintUIMessage[]) => Promise<void>) {
  const [savedMessages, setSavedMessages] = useState(messages);
  // `unfinished`: the last save was made mid-answer, so it stored that answer marked interrupted.
  const lastSaved = useRef({ messages, count: messages.length, unfinished: false });
  const latest = useRef({ messages, busy });
  latest.current = { messages, busy };

  useEffect(() => {
    const settledSinceSave = lastSaved.current.unfinished && !busy;
    if (messages === lastSaved.current.messages && !settledSinceSave) return;
    if (busy && messages.length === lastSaved.current.count) return;
    lastSaved.current = { messages, count: messages.length, unfinished: busy };
    void onPersist(busy ? markUnfinished(messages) : messages).then(() => setSavedMessages(messages));
  }, [messages, busy, onPersist]);

  useEffect(() => {
    const onHide = () => {
      const { messages: current, busy: answering } = latest.current;
      if (current === lastSaved.current.messages) return;
      lastSaved.current = { messages: current, count: current.length, unfinished: answering };
      void onPersist(answering ? markUnfinished(current) : current);
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [onPersist]);

  return savedMessages === messages;
}
