import { expect, test } from '@playwright/test';
import { resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

test('the conversation survives a reload @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Remember this');
  await chat.waitForAnswer();
  await chat.waitForSaved();

  await page.reload();
  await expect(chat.textbox).toBeEditable();
  await expect(chat.userMessages).toHaveText([/Remember this/]);
  await expect(chat.lastAnswer()).toContainText('You said: “Remember this”');
  await expect(chat.lastAnswer().getByTestId('served-by')).toContainText('served by gpt-oss-20b');
});

test('New chat starts empty; past chats are listed, reopen, rename and delete, and the list says they stay on this device @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Alpha question');
  await chat.waitForAnswer();
  await chat.waitForSaved();

  let list = await chat.chatList();
  await expect(list.getByTestId('storage-note')).toContainText('stay on this device');
  await list.getByTestId('new-chat').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(chat.textbox).toBeEditable();
  await chat.ask('Beta question');
  await chat.waitForAnswer();
  await chat.waitForSaved();

  list = await chat.chatList();
  const items = list.getByTestId('chat-item');
  await expect(items).toHaveText([/Beta question/, /Alpha question/]);

  await items.filter({ hasText: 'Alpha question' }).getByRole('button', { name: 'Alpha question' }).click();
  await expect(chat.userMessages).toHaveText([/Alpha question/]);

  list = await chat.chatList();
  await list.getByTestId('chat-item').filter({ hasText: 'Alpha question' }).getByTestId('rename-chat').click();
  const name = list.getByRole('textbox', { name: 'Chat name' });
  await name.fill('Renamed alpha');
  await name.press('Enter');
  // Opening or renaming a chat does not move it: the list is ordered by the last message.
  await expect(list.getByTestId('chat-item')).toHaveText([/Beta question/, /Renamed alpha/]);

  await list.getByTestId('chat-item').filter({ hasText: 'Beta question' }).getByTestId('delete-chat').click();
  await list.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByTestId('chat-item')).toHaveText([/Renamed alpha/]);

  // What the list shows is what was stored: a reload finds the same chats.
  await page.reload();
  await expect(chat.textbox).toBeEditable();
  list = await chat.chatList();
  await expect(list.getByTestId('chat-item')).toHaveText([/Renamed alpha/]);
});

test('when the browser refuses storage (as private modes can), the page says chats are not being saved', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
  });
  const chat = new ChatPage(page);
  await chat.goto();
  await expect(chat.storageError).toContainText('not letting Flint save chats');

  // The chat itself still works, in memory.
  await chat.ask('Still here?');
  await expect(await chat.waitForAnswer()).toContainText('Still here?');
});
