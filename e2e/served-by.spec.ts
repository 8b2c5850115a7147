import { expect, test } from '@playwright/test';
import { addFault, resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

test('each answer says which model served it, with tokens and cost @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Who answers this?');
  const answer = await chat.waitForAnswer();

  const badge = answer.getByTestId('served-by');
  await expect(badge).toHaveText(/^served by gpt-oss-20b · [\d,]+ in · [\d,]+ out tokens · \$[\d.]+$/);
});

test('a rate-limited model is named in the badge, with the model that stood in for it', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await page.getByTestId('tier-select').getByText('Quality').click();
  await addFault({ provider: 'groq', model: 'openai/gpt-oss-120b', kind: 'status', status: 429, times: 1 });

  await chat.ask('The big model is busy');
  const answer = await chat.waitForAnswer();
  await expect(answer.getByTestId('served-by')).toContainText('served by gpt-oss-20b · fell back from gpt-oss-120b (rate limited)');
});
