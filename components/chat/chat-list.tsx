'use client';

import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { IconButton } from '@/components/ui/icon-button';
import { EditIcon, PlusIcon, TrashIcon } from '@/components/ui/icons';
import type { ChatSummary } from '@/lib/chat/chat-store';

type ChatListProps = {
  chats: ChatSummary[];
  activeId: string | undefined;
  onOpen: (id: string) => void;
  onNewChat: () => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
};

/** Past chats kept in this browser: open, rename, delete, and start a new one. */
export function ChatList({ chats, activeId, onOpen, onNewChat, onRename, onDelete }: ChatListProps) {
  return (
    <nav aria-label="Chats" className="flex min-h-0 flex-1 flex-col" data-testid="chat-list">
      <div className="p-3">
        <button
          type="button"
          onClick={onNewChat}
          data-testid="new-chat"
          className="flex w-full items-center gap-2 rounded-lg border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <PlusIcon />
          New chat
        </button>
      </div>
      <ul className="min-h-0 flex-1 space-y-0.5 overflow-y-auto px-2">
        {chats.map((chat) => (
          <ChatListItem key={chat.id} chat={chat} active={chat.id === activeId} onOpen={onOpen} onRename={onRename} onDelete={onDelete} />
        ))}
        {chats.length === 0 && <li className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400">No saved chats yet.</li>}
      </ul>
      <p className="border-t border-zinc-200 px-4 py-3 text-xs leading-relaxed text-zinc-600 dark:border-zinc-800 dark:text-zinc-400" data-testid="storage-note">
        Chats are saved in this browser only. They stay on this device and are not sent anywhere else.
      </p>
    </nav>
  );
}

type ChatListItemProps = Pick<ChatListProps, 'onOpen' | 'onRename' | 'onDelete'> & { chat: ChatSummary; active: boolean };

function ChatListItem({ chat, active, onOpen, onRename, onDelete }: ChatListItemProps) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');

  if (mode === 'rename') {
    return (
      <li data-testid="chat-item">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const title = new FormData(event.currentTarget).get('title')?.toString().trim();
            if (title) onRename(chat.id, title);
            setMode('view');
          }}
        >
          <input
            name="title"
            aria-label="Chat name"
            defaultValue={chat.title}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                setMode('view');
              }
            }}
            onBlur={(event) => event.currentTarget.form?.requestSubmit()}
            className="w-full rounded-md border border-orange-500 bg-white px-2 py-1.5 text-sm dark:bg-zinc-900"
          />
        </form>
      </li>
    );
  }

  if (mode === 'confirm-delete') {
    return (
      <li data-testid="chat-item" className="rounded-lg bg-red-50 px-3 py-2 text-sm dark:bg-red-950">
        <p className="truncate">Delete “{chat.title}”?</p>
        <div className="mt-1.5 flex gap-2">
          <button type="button" autoFocus onClick={() => onDelete(chat.id)} className="rounded-md bg-red-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-600">
            Delete
          </button>
          <button type="button" onClick={() => setMode('view')} className="rounded-md px-2.5 py-1 text-xs hover:bg-red-100 dark:hover:bg-red-900">
            Cancel
          </button>
        </div>
      </li>
    );
  }

  return (
    <li data-testid="chat-item" data-active={active || undefined} className={cn('group flex items-center rounded-lg', active ? 'bg-zinc-200 dark:bg-zinc-800' : 'hover:bg-zinc-100 dark:hover:bg-zinc-900')}>
      <button
        type="button"
        onClick={() => onOpen(chat.id)}
        aria-current={active ? 'page' : undefined}
        className="min-w-0 flex-1 truncate px-3 py-2 text-left text-sm"
      >
        {chat.title}
      </button>
      <span className="flex shrink-0 pr-1 md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100">
        <IconButton label="Rename chat" onClick={() => setMode('rename')} data-testid="rename-chat">
          <EditIcon />
        </IconButton>
        <IconButton label="Delete chat" onClick={() => setMode('confirm-delete')} data-testid="delete-chat">
          <TrashIcon />
        </IconButton>
      </span>
    </li>
  );
}
