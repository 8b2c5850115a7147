import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { mcpPort } from '../playwright.config';
import { addFault, resetEmulator, upstreamRequests } from './emulator-control';
import { ChatPage } from './pages/chat-page';

// Screenshots for a person to look at; taken only when FLINT_SHOTS_DIR names a folder.
const shotsDir = process.env.FLINT_SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png` });
}

const mcpCalls = async () => (await (await fetch(`http://127.0.0.1:${mcpPort}/_calls`)).json()) as Array<{ text: string }>;
const chatCalls = async () => (await upstreamRequests()).filter((entry) => entry.path.endsWith('/chat/completions'));

test.beforeEach(async () => {
  await resetEmulator();
  await fetch(`http://127.0.0.1:${mcpPort}/_calls`, { method: 'DELETE' });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a sum goes through the calculator: the step shows its input and result, the answer the number (${colorScheme}) @mobile`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    const chat = new ChatPage(page);
    await chat.goto();
    await chat.ask('What is 12*7+3?');
    const answer = await chat.waitForAnswer();
    const step = answer.getByTestId('tool-step');
    await expect(step).toHaveCount(1);
    await expect(step).toHaveAttribute('data-tool', 'calculator');
    await expect(step).toHaveAttribute('data-state', 'done');
    await expect(step).toHaveAttribute('aria-label', 'Tool calculator');
    await expect(step.getByTestId('tool-step-input')).toHaveText('12*7+3');
    await expect(step.getByTestId('tool-step-output')).toContainText('87');
    // The answer quotes the tool's result after the step.
    await expect(answer).toContainText('"result":"87"');
    // The model thought before the call and again after it: each block shows its own time.
    const blocks = await answer.getByTestId('reasoning').count();
    expect(blocks).toBeGreaterThan(0);
    await expect(answer.getByTestId('reasoning-duration')).toHaveCount(blocks);
    const phone = testInfo.project.name === 'chromium-375';
    if (phone) {
      // Nothing spills sideways at 375 px.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await shot(page, `tool-step-${phone ? 'mobile' : 'desktop'}-${colorScheme}`);
  });
}

test('a failing tool shows as an error in its step and the answer goes on', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('What is the current_time in Mars/Olympus?');
  const answer = await chat.waitForAnswer();
  const step = answer.getByTestId('tool-step');
  await expect(step).toHaveAttribute('data-state', 'error');
  await expect(step.getByTestId('tool-step-error')).toContainText('Unknown time zone');
  await expect(answer).toContainText('The tool current_time returned: Error: Unknown time zone');
  await shot(page, 'tool-step-error');
});

test("with browser_search on, Groq's executed search shows as a step run by Groq, with its source", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('What is the latest news about Flint?');
  const answer = await chat.waitForAnswer();
  const step = answer.getByTestId('tool-step');
  await expect(step).toHaveAttribute('data-tool', 'browser_search');
  await expect(step).toContainText('run by Groq');
  await expect(step.getByRole('link', { name: /Emulated result/ })).toHaveAttribute('href', /^https:\/\/example\.com\//);
  await expect(answer).toContainText('emulated web search');
  // Groq ran it inside one call: no tool round trip.
  expect(await chatCalls()).toHaveLength(1);
  await shot(page, 'tool-step-groq-search');
});

test("the MCP server's tool is listed and the chat calls it", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Please run word_count on this');
  const answer = await chat.waitForAnswer();
  const step = answer.getByTestId('tool-step');
  await expect(step).toHaveAttribute('data-tool', 'word_count');
  await expect(step.getByTestId('tool-step-output')).toHaveText(/2 words/);
  await expect(page.getByTestId('tools-line')).toContainText('word_count');
  expect(await mcpCalls()).toEqual([{ text: 'emulated text' }]);
});

test('a fallback after a tool step keeps the result: the tool ran once and the next model answers with it', async ({ page }) => {
  // The primary fails only on the call that carries the tool result (the second step).
  await addFault({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 503, withToolResults: true, times: 1 });
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Please run word_count on this');
  const answer = await chat.waitForAnswer();
  await expect(answer.getByTestId('tool-step')).toHaveCount(1);
  await expect(answer).toContainText('2 words');
  expect(await mcpCalls()).toHaveLength(1);
  expect((await chatCalls()).map((call) => [call.model, call.toolResults, call.status])).toEqual([
    ['openai/gpt-oss-20b', 0, 200],
    ['openai/gpt-oss-20b', 1, 503],
    ['openai/gpt-oss-120b', 1, 200],
  ]);
});

test('turning tools off for a chat sends none: the sum is answered without a step', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  const toggle = page.getByRole('switch', { name: 'Tools' });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await chat.ask('What is 12*7+3?');
  const answer = await chat.waitForAnswer();
  await expect(answer.getByTestId('tool-step')).toHaveCount(0);
  expect((await chatCalls()).map((call) => call.tools)).toEqual([[]]);
  // The switch belongs to the chat: it is still off after a reload.
  await chat.waitForSaved();
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Tools' })).toHaveAttribute('aria-checked', 'false');
});
