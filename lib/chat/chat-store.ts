import { createStore, delMany, get, getMany, keys, set, setMany, type UseStore } from 'idb-keyval';
import type { FlintUIMessage } from './message';
import { toStorageError } from './storage-error';

/** A past chat as the chat list shows it; its messages are stored under a separate key. */
export type ChatSummary = {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Set once the user renames the chat, so the title is no longer taken from its first message. */
  renamed?: boolean;
  /** The user turned tools off for this chat (the composer's switch). */
  toolsOff?: boolean;
};

/** The chats kept in this browser: summaries for the list, messages loaded one chat at a time. */
export type ChatStore = {
  listChats(): Promise<ChatSummary[]>;
  loadMessages(id: string): Promise<FlintUIMessage[]>;
  saveChat(summary: ChatSummary, messages: FlintUIMessage[]): Promise<void>;
  renameChat(id: string, title: string): Promise<ChatSummary | undefined>;
  deleteChat(id: string): Promise<void>;
  activeChatId(): Promise<string | undefined>;
  setActiveChatId(id: string): Promise<void>;
};

const summaryKey = (id: string) => ['summary', id];
const messagesKey = (id: string) => ['messages', id];
const activeKey = 'active-chat';

/**
 * Opens the chat store. IndexedDB is opened on first use, so a browser without it (or one that
 * refuses it, as private modes may) fails that call with a StorageError the UI can show.
 */
export function createChatStore(openStore: () => UseStore = () => createStore('flint', 'chats')): ChatStore {
  let store: UseStore | undefined;
  async function attempt<T>(operation: (store: UseStore) => Promise<T>): Promise<T> {
    try {
      store ??= openStore();
      return await operation(store);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  return {
    listChats: () =>
      attempt(async (db) => {
        const summaryKeys = (await keys<IDBValidKey>(db)).filter((key) => Array.isArray(key) && key[0] === 'summary');
        const summaries = (await getMany<ChatSummary>(summaryKeys, db)).filter((summary) => summary !== undefined);
        return summaries.sort((a, b) => b.updatedAt - a.updatedAt);
      }),
    loadMessages: (id) => attempt(async (db) => (await get<FlintUIMessage[]>(messagesKey(id), db)) ?? []),
    saveChat: (summary, messages) =>
      attempt((db) => setMany([[summaryKey(summary.id), summary], [messagesKey(summary.id), messages]], db)),
    renameChat: (id, title) =>
      attempt(async (db) => {
        const summary = await get<ChatSummary>(summaryKey(id), db);
        if (!summary) return undefined;
        const renamed = { ...summary, title, renamed: true };
        await set(summaryKey(id), renamed, db);
        return renamed;
      }),
    deleteChat: (id) => attempt((db) => delMany([summaryKey(id), messagesKey(id)], db)),
    activeChatId: () => attempt((db) => get<string>(activeKey, db)),
    setActiveChatId: (id) => attempt((db) => set(activeKey, id, db)),
  };
}
