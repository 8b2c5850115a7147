import { expect, test } from '@playwright/test';
import { resetEmulator, upstreamRequests } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

test('the empty state offers example prompts, and picking one asks it @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  const example = page.getByTestId('example-prompt').first();
  const prompt = await example.innerText();

  await example.click();
  await expect(chat.userMessages).toHaveText([new RegExp(prompt)]);
  await expect(await chat.waitForAnswer()).toContainText(prompt);
  await expect(page.getByTestId('empty-state')).toHaveCount(0);
});

test('Shift+Enter adds a line, Enter sends, and focus stays in the textbox', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.textbox.pressSequentially('line one');
  await chat.textbox.press('Shift+Enter');
  await chat.textbox.pressSequentially('line two');
  await expect(chat.textbox).toHaveValue('line one\nline two');
  await expect(chat.userMessages).toHaveCount(0);

  await chat.textbox.press('Enter');
  await expect(chat.userMessages).toHaveCount(1);
  await expect(chat.userMessages.first()).toContainText('line one\nline two');
  await expect(chat.textbox).toHaveValue('');
  await expect(chat.textbox).toBeFocused();
});

test('the tier picked in the composer decides the model that is asked', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  const quality = page.getByRole('radio', { name: 'Quality' });
  await quality.focus();
  await expect(quality).toBeFocused();
  await page.keyboard.press('Space');
  await expect(quality).toBeChecked();

  await chat.ask('Use the strong model');
  await expect((await chat.waitForAnswer()).getByTestId('served-by')).toContainText('served by gpt-oss-120b');
  expect((await upstreamRequests()).map((request) => request.model)).toContain('openai/gpt-oss-120b');
});

test('the view follows a streaming answer, stops when the reader scrolls up, and Jump to latest returns @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('A long one please [emulate tokens=20000]');
  const answer = chat.lastAnswer();
  await expect(answer).toHaveAttribute('data-streaming', 'true');

  const distanceFromBottom = () =>
    chat.messageList.evaluate((element) => element.scrollHeight - element.clientHeight - element.scrollTop);
  const scrollHeight = () => chat.messageList.evaluate((element) => element.scrollHeight);
  const clientHeight = await chat.messageList.evaluate((element) => element.clientHeight);

  // Following: once the answer is taller than the view, the view stays pinned to its end.
  await expect.poll(scrollHeight).toBeGreaterThan(clientHeight * 2);
  await expect.poll(distanceFromBottom).toBeLessThan(48);
  await expect(chat.jumpToLatest).toHaveCount(0);

  // The reader scrolls up: the view stays where they are while tokens keep arriving.
  await chat.messageList.hover();
  await page.mouse.wheel(0, -600);
  await expect(chat.jumpToLatest).toBeVisible();
  const readingAt = await chat.messageList.evaluate((element) => element.scrollTop);
  const heightThen = await scrollHeight();
  await expect.poll(scrollHeight).toBeGreaterThan(heightThen + 200);
  expect(await chat.messageList.evaluate((element) => element.scrollTop)).toBe(readingAt);

  await chat.jumpToLatest.click();
  await expect(chat.jumpToLatest).toHaveCount(0);
  // Stopping settles the content; a view that follows again ends up at its very end.
  await chat.stop.click();
  await expect(answer).not.toHaveAttribute('data-streaming');
  await expect.poll(distanceFromBottom).toBeLessThan(48);
  await expect(chat.jumpToLatest).toHaveCount(0);
});

test('nothing on the page shifts while an answer streams in', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await page.evaluate(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });

  await chat.ask('Stream a medium answer [emulate tokens=400]');
  await chat.waitForAnswer();
  await chat.ask('And another one');
  await chat.waitForAnswer();

  const total = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0));
  // 0.1 is the "good" Cumulative Layout Shift threshold; streaming should come nowhere near it.
  expect(total).toBeLessThan(0.02);
});
