'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createChatStore, type ChatSummary } from '@/lib/chat/chat-store';
import { chatTitle } from '@/lib/chat/chat-title';
import type { FlintUIMessage } from '@/lib/chat/message';
import { toStorageError } from '@/lib/chat/storage-error';

/** The conversation on screen: which chat, the messages it opened with, and whether it turned tools off. */
export type OpenChat = { id: string; initialMessages: FlintUIMessage[]; toolsOff: boolean };

const newChatId = () => crypto.randomUUID();

/**
 * The chats kept in this browser and the one that is open. Every storage failure is kept in
 * `storageError` for the page to show; the chat itself goes on working in memory.
 */
export function useChatHistory() {
  const store = useMemo(() => createChatStore(), []);
  const [chats, setChats] = useState<ChatSummary[]>([]);
  const [open, setOpen] = useState<OpenChat | undefined>(undefined);
  const [storageError, setStorageError] = useState<string | undefined>(undefined);
  const chatsRef = useRef(chats);
  chatsRef.current = chats;

  const report = useCallback((error: unknown) => setStorageError(toStorageError(error).message), []);

  useEffect(() => {
    let cancelled = false;
    async function restore() {
      try {
        const [list, activeId] = await Promise.all([store.listChats(), store.activeChatId()]);
        const active = list.find((chat) => chat.id === activeId);
        const initialMessages = active ? await store.loadMessages(active.id) : [];
        if (cancelled) return;
        setChats(list);
        setOpen({ id: active?.id ?? newChatId(), initialMessages, toolsOff: active?.toolsOff === true });
      } catch (error) {
        if (cancelled) return;
        report(error);
        setOpen({ id: newChatId(), initialMessages: [], toolsOff: false });
      }
    }
    void restore();
    return () => {
      cancelled = true;
    };
  }, [store, report]);

  const openChat = useCallback(
    async (id: string) => {
      try {
        const initialMessages = await store.loadMessages(id);
        setOpen({ id, initialMessages, toolsOff: chatsRef.current.find((chat) => chat.id === id)?.toolsOff === true });
        await store.setActiveChatId(id);
      } catch (error) {
        report(error);
      }
    },
    [store, report],
  );

  const newChat = useCallback(() => setOpen({ id: newChatId(), initialMessages: [], toolsOff: false }), []);

  const persist = useCallback(
    async (id: string, messages: FlintUIMessage[], settings: { toolsOff?: boolean } = {}) => {
      if (messages.length === 0) return;
      const now = Date.now();
      const existing = chatsRef.current.find((chat) => chat.id === id);
      const base: ChatSummary = existing
        ? { ...existing, updatedAt: now, title: existing.renamed ? existing.title : chatTitle(messages) }
        : { id, title: chatTitle(messages), createdAt: now, updatedAt: now };
      const summary: ChatSummary = settings.toolsOff === undefined ? base : { ...base, toolsOff: settings.toolsOff };
      setChats((current) => [summary, ...current.filter((chat) => chat.id !== id)]);
      try {
        await store.saveChat(summary, messages);
        if (!existing) await store.setActiveChatId(id);
        setStorageError(undefined);
      } catch (error) {
        report(error);
      }
    },
    [store, report],
  );

  const renameChat = useCallback(
    async (id: string, title: string) => {
      setChats((current) => current.map((chat) => (chat.id === id ? { ...chat, title, renamed: true } : chat)));
      try {
        await store.renameChat(id, title);
      } catch (error) {
        report(error);
      }
    },
    [store, report],
  );

  const deleteChat = useCallback(
    async (id: string) => {
      setChats((current) => current.filter((chat) => chat.id !== id));
      if (open?.id === id) newChat();
      try {
        await store.deleteChat(id);
      } catch (error) {
        report(error);
      }
    },
    [store, report, open?.id, newChat],
  );

  return { chats, open, storageError, dismissStorageError: () => setStorageError(undefined), openChat, newChat, persist, renameChat, deleteChat };
}
