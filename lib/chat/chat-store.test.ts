import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createChatStore, type ChatSummary } from './chat-store';
import type { FlintUIMessage } from './message';
import { StorageError } from './storage-error';

let databases = 0;
// A fresh database per test, so tests cannot see each other's chats.
const freshStore = () => {
  const name = `flint-test-${databases++}`;
  return createChatStore(() => createStore(name, 'chats'));
};

const question = (text: string): FlintUIMessage => ({ id: `m-${text}`, role: 'user', parts: [{ type: 'text', text }] });
const summary = (id: string, updatedAt: number): ChatSummary => ({ id, title: `chat ${id}`, createdAt: 1, updatedAt });

describe('createChatStore', () => {
  it('keeps a chat and its messages across store instances (a reload)', async () => {
    const name = `flint-test-${databases++}`;
    await createChatStore(() => createStore(name, 'chats')).saveChat(summary('a', 10), [question('hello')]);

    const reopened = createChatStore(() => createStore(name, 'chats'));
    expect(await reopened.listChats()).toEqual([summary('a', 10)]);
    expect(await reopened.loadMessages('a')).toEqual([question('hello')]);
  });

  it('lists the most recently updated chat first', async () => {
    const store = freshStore();
    await store.saveChat(summary('old', 1), []);
    await store.saveChat(summary('new', 5), []);
    await store.saveChat(summary('middle', 3), []);
    expect((await store.listChats()).map((chat) => chat.id)).toEqual(['new', 'middle', 'old']);
  });

  it('renames a chat and marks it renamed; renaming a missing chat changes nothing', async () => {
    const store = freshStore();
    await store.saveChat(summary('a', 1), []);
    expect(await store.renameChat('a', 'Trip plans')).toMatchObject({ title: 'Trip plans', renamed: true });
    expect((await store.listChats())[0]?.title).toBe('Trip plans');
    expect(await store.renameChat('missing', 'x')).toBeUndefined();
    expect(await store.listChats()).toHaveLength(1);
  });

  it('deletes a chat with its messages', async () => {
    const store = freshStore();
    await store.saveChat(summary('a', 1), [question('bye')]);
    await store.deleteChat('a');
    expect(await store.listChats()).toEqual([]);
    expect(await store.loadMessages('a')).toEqual([]);
  });

  it('remembers which chat was open', async () => {
    const store = freshStore();
    expect(await store.activeChatId()).toBeUndefined();
    await store.setActiveChatId('b');
    expect(await store.activeChatId()).toBe('b');
  });

  it('turns a full disk into a StorageError that tells the user what to do', async () => {
    const full: UseStore = () => Promise.reject(new DOMException('quota', 'QuotaExceededError'));
    const error = await createChatStore(() => full).saveChat(summary('a', 1), []).catch((caught: unknown) => caught);
    expect(StorageError.isInstance(error)).toBe(true);
    expect((error as StorageError).kind).toBe('quota');
    expect((error as StorageError).message).toMatch(/full.*Delete some old chats/);
  });

  it('turns a browser without IndexedDB (private mode) into a StorageError, not a crash', async () => {
    const store = createChatStore(() => {
      throw new DOMException('blocked', 'InvalidStateError');
    });
    const error = await store.listChats().catch((caught: unknown) => caught);
    expect(StorageError.isInstance(error)).toBe(true);
    expect((error as StorageError).message).toMatch(/private browsing/);
  });
});
