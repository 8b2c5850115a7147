import { expect, test } from '@playwright/test';
import { resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

test('an answer renders as markdown: bold, a list and a highlighted code block with a copy button @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Show me some markdown');
  const answer = await chat.waitForAnswer();

  const bold = answer.locator('[data-streamdown="strong"]').first();
  await expect(bold).toHaveText('openai/gpt-oss-20b');
  await expect(bold).toHaveCSS('font-weight', /^[6-9]00$/);
  await expect(answer.getByRole('listitem')).toHaveCount(3);
  await expect(answer).not.toContainText('**');
  const code = answer.locator('pre');
  await expect(code).toContainText("const model = 'openai/gpt-oss-20b';");
  // Shiki colours tokens with inline styles once the lazily loaded highlighter arrives.
  await expect(code.locator('span[style*="--shiki-dark"]').first()).toBeAttached();
  await expect(answer.getByRole('button', { name: /copy code/i })).toBeVisible();
});

test('HTML in an answer is shown inert: no script runs and no event handler survives', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  // The emulator quotes the question in its answer, so this markup reaches the markdown renderer.
  await chat.ask('<img src="x" onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:window.pwned=3">link</a>');
  const answer = await chat.waitForAnswer();

  await expect(answer).toContainText('You said');
  await expect(answer.locator('script')).toHaveCount(0);
  await expect(answer.locator('[onerror]')).toHaveCount(0);
  await expect(answer.locator('a[href^="javascript:"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('a reasoning model shows its thinking collapsed, with its duration, and it opens on demand', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Think first');
  const answer = await chat.waitForAnswer();

  const reasoning = answer.getByTestId('reasoning');
  const summary = reasoning.locator('summary');
  await expect(summary).toHaveText(/^Thinking\s*· \d+(\.\d)? s$/);
  const thoughts = reasoning.getByText('I am Flint\'s local emulator standing in for');
  await expect(thoughts).toBeHidden();
  await summary.click();
  await expect(thoughts).toBeVisible();
});
