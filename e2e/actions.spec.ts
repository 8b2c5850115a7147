import { expect, test } from '@playwright/test';
import { resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

test('Copy puts the answer text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Copy me');
  const answer = await chat.waitForAnswer();

  await answer.getByTestId('copy-message').click();
  await expect(answer.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('You said: “Copy me”');
  expect(copied).toContain("const model = 'openai/gpt-oss-20b';");
});

test('Regenerate replaces the last answer with a new one', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Say it again');
  const first = await chat.waitForAnswer();
  const firstId = await first.evaluate((element) => element.dataset.messageId);

  await first.getByTestId('regenerate').click();
  await expect(chat.assistantMessages).toHaveCount(1);
  const second = await chat.waitForAnswer();
  await expect(second).not.toHaveAttribute('data-message-id', firstId ?? '');
  await expect(second).toContainText('Say it again');
});

test('editing a question resends from there and drops the answers after it @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('First question');
  await chat.waitForAnswer();
  await chat.ask('Second question');
  await chat.waitForAnswer();

  await chat.userMessages.first().getByTestId('edit-message').click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await editor.fill('Edited first question');
  await editor.press('Enter');

  await expect(chat.userMessages).toHaveCount(1);
  await expect(chat.userMessages.first()).toHaveText(/Edited first question/);
  const answer = await chat.waitForAnswer();
  await expect(answer).toContainText('Edited first question');
  await expect(chat.assistantMessages).toHaveCount(1);
  await expect(chat.textbox).toBeFocused();
});

test('Esc stops a streaming answer, which then says it was stopped and offers Continue', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Talk for a long time [emulate tokens=20000]');
  const answer = chat.lastAnswer();
  await expect(answer).toHaveAttribute('data-streaming', 'true');
  await expect.poll(async () => (await answer.innerText()).length).toBeGreaterThan(50);

  await page.keyboard.press('Escape');
  await expect(answer).not.toHaveAttribute('data-streaming');
  const notice = answer.getByTestId('answer-stopped');
  await expect(notice).toContainText('You stopped this answer.');

  await notice.getByRole('button', { name: 'Continue' }).click();
  await expect(chat.userMessages.last()).toContainText('continue your previous answer');
  await chat.waitForAnswer();
  await expect(chat.assistantMessages).toHaveCount(2);
  await expect(answer.getByTestId('answer-stopped').getByRole('button', { name: 'Continue' })).toHaveCount(0);
});
