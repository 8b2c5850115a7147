'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState, type ReactNode } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { SessionMenu } from '@/components/session/session-menu';
import { FlintLogo } from '@/components/ui/flint-logo';
import { MenuIcon, PlusIcon } from '@/components/ui/icons';
import type { FlintUIMessage } from '@/lib/chat/message';
import { ChatDrawer } from './chat-drawer';
import { ChatList } from './chat-list';
import { SessionPlaceholder } from './session-placeholder';
import { StorageAlert } from './storage-alert';
import { useChatHistory } from './use-chat-history';
import { useStoredTier } from './use-stored-tier';

// The AI SDK, zod and the message views load as their own chunk, in parallel with the history.
const ChatSession = dynamic(() => import('./chat-session'), { ssr: false, loading: SessionPlaceholder });

/** The page's frame: the chat list (a sidebar, or a drawer on phones), the header and the open chat. */
export function ChatApp({ configured, banner }: { configured: boolean; banner: ReactNode }) {
  const history = useChatHistory();
  const [tier, setTier] = useStoredTier();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const openId = history.open?.id;
  const { persist, newChat, openChat } = history;

  const onPersist = useCallback(
    (messages: FlintUIMessage[], settings: { toolsOff: boolean }) => (openId ? persist(openId, messages, settings) : Promise.resolve()),
    [openId, persist],
  );
  const startNewChat = useCallback(() => {
    newChat();
    setDrawerOpen(false);
  }, [newChat]);

  const list = (
    <ChatList
      chats={history.chats}
      activeId={openId}
      onOpen={(id) => {
        void openChat(id);
        setDrawerOpen(false);
      }}
      onNewChat={startNewChat}
      onRename={(id, title) => void history.renameChat(id, title)}
      onDelete={(id) => void history.deleteChat(id)}
    />
  );

  return (
    <div className="flex h-dvh">
      <aside className="hidden w-64 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 md:flex dark:border-zinc-800 dark:bg-zinc-900/40" data-testid="chat-sidebar">
        {list}
      </aside>
      <ChatDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)}>
        {drawerOpen && list}
      </ChatDrawer>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center gap-2 border-b border-zinc-200 px-2 py-1.5 md:px-4 dark:border-zinc-800">
          <IconButton label="Open chat list" className="md:hidden" onClick={() => setDrawerOpen(true)} data-testid="open-chat-list">
            <MenuIcon />
          </IconButton>
          <FlintLogo className="size-6" />
          <h1 className="text-base font-semibold tracking-tight">Flint</h1>
          <span className="flex-1" />
          <SessionMenu />
          <IconButton label="New chat" className="md:hidden" onClick={startNewChat} data-testid="header-new-chat">
            <PlusIcon />
          </IconButton>
        </header>
        {banner}
        {history.storageError && <StorageAlert message={history.storageError} onDismiss={history.dismissStorageError} />}
        {history.open ? (
          <ChatSession
            key={history.open.id}
            chatId={history.open.id}
            initialMessages={history.open.initialMessages}
            configured={configured}
            tier={tier}
            onTierChange={setTier}
            initialToolsOff={history.open.toolsOff}
            onPersist={onPersist}
            onNewChat={startNewChat}
          />
        ) : (
          <SessionPlaceholder />
        )}
      </div>
    </div>
  );
}
