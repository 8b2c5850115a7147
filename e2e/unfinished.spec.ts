// An answer cut by a reload (or a crash: the store already holds it marked unfinished while it
// streams, before any pagehide) is shown as interrupted after the page comes back, with Continue,
// never as a complete answer.
import { expect, test, type Page } from '@playwright/test';
import { resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

/** Asks for a long answer and returns once part of it is on screen and stored. */
async function startLongAnswer(chat: ChatPage) {
  await chat.goto();
  await chat.ask('Tell me everything [emulate tokens=20000]');
  const answer = chat.lastAnswer();
  await expect(answer).toHaveAttribute('data-streaming', 'true');
  await expect.poll(async () => (await answer.innerText()).length).toBeGreaterThan(80);
  // The save made as the answer started has reached IndexedDB, marked unfinished: a tab that crashed
  // now (no pagehide, no later save) would come back to exactly this.
  await expect.poll(() => storedAnswerFlags(chat.page)).toContainEqual({ interrupted: true });
}

/** The metadata flags of the last answer of every chat stored in this browser's IndexedDB. */
function storedAnswerFlags(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Array<{ interrupted?: boolean }>>((resolve, reject) => {
        const opened = indexedDB.open('flint');
        opened.onerror = () => reject(opened.error);
        opened.onsuccess = () => {
          const all = opened.result.transaction('chats').objectStore('chats').getAll();
          all.onsuccess = () => {
            const conversations = (all.result as unknown[]).filter((value): value is Array<{ role: string; metadata?: { interrupted?: boolean } }> => Array.isArray(value));
            resolve(conversations.map((messages) => ({ ...(messages.at(-1)?.metadata?.interrupted ? { interrupted: true } : {}) })));
            opened.result.close();
          };
        };
      }),
  );
}

async function expectInterruptedAfterReturn(page: Page) {
  const chat = new ChatPage(page);
  await chat.goto();
  const answer = chat.lastAnswer();
  await expect(answer).toBeVisible();
  await expect(answer).not.toHaveAttribute('data-streaming');
  const notice = answer.getByTestId('answer-interrupted');
  await expect(notice).toContainText('cut off before it was finished');
  await expect(notice.getByRole('button', { name: 'Continue' })).toBeVisible();
  return { chat, notice };
}

test('an answer cut by a reload is shown as interrupted with Continue, which asks for the rest @mobile', async ({ page }) => {
  await startLongAnswer(new ChatPage(page));
  await page.reload();
  const { chat, notice } = await expectInterruptedAfterReturn(page);

  const sent = page.waitForRequest((request) => request.url().endsWith('/api/chat'));
  await notice.getByRole('button', { name: 'Continue' }).click();
  const body = (await sent).postDataJSON() as { messages: Array<{ role: string; metadata?: { interrupted?: boolean } }> };
  // The cut answer travels marked as interrupted, never as a finished one.
  expect(body.messages.filter((message) => message.role === 'assistant').at(-1)?.metadata?.interrupted).toBe(true);
  await chat.waitForAnswer();
});
