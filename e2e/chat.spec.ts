import { expect, test } from '@playwright/test';
import { activeUpstreamStreams, addFault, resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

test('a typed message streams back a reply from the emulator, token by token', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await expect(page.getByTestId('demo-banner')).toContainText('local emulator');

  // Frames 25 ms apart: each reaches the browser on its own. Unpaced, a cold server's first answer
  // (600 tokens in 0.6 s) could arrive in one network read, be applied from start to finish in one
  // task, and never be rendered as streaming at all: that was the flake.
  await addFault({ provider: 'groq', endpoint: 'chat', kind: 'slow', ms: 25, times: 1 });
  const streamed = await chat.recordStreaming();
  await chat.ask('Hello Flint [emulate tokens=120]');
  await expect(page.getByTestId('message-user')).toHaveText(/Hello Flint/);

  // While streaming, the answer is visible but not yet complete: tokens arrive incrementally.
  const answer = chat.lastAnswer();
  await expect(answer).toBeVisible();
  await expect(answer).not.toHaveAttribute('data-streaming');
  const finalText = await answer.innerText();
  const lengthsWhileStreaming = await streamed();
  expect(lengthsWhileStreaming.length).toBeGreaterThan(0);
  // The answer grew while it streamed: shown part by part, not all at once.
  expect(new Set(lengthsWhileStreaming).size).toBeGreaterThan(1);
  expect(Math.min(...lengthsWhileStreaming)).toBeLessThan(finalText.length);
  expect(finalText).toContain('openai/gpt-oss-20b');
  await expect(chat.send).toBeVisible();
  await expect(chat.textbox).toBeFocused();
});

test('Stop ends a long answer mid-stream and the chat is usable again', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();

  await chat.ask('Write something very long [emulate tokens=20000]');
  const answer = chat.lastAnswer();
  await expect(answer).toHaveAttribute('data-streaming', 'true');
  await expect.poll(async () => (await answer.innerText()).length).toBeGreaterThan(50);
  expect(await activeUpstreamStreams()).toBe(1);
  await chat.stop.click();

  // Stop reaches the provider: the upstream stream is cancelled, not left generating.
  await expect.poll(activeUpstreamStreams).toBe(0);
  await expect(chat.send).toBeVisible();
  await expect(answer).not.toHaveAttribute('data-streaming');
  const stoppedAt = (await answer.innerText()).length;
  // 20,000 tokens would be ~100 KB of text; a stopped answer holds a small part of it.
  expect(stoppedAt).toBeLessThan(40_000);
  await chat.ask('Are you still there?');
  await expect(chat.assistantMessages).toHaveCount(2);
  await expect(chat.lastAnswer()).toContainText('Are you still there?');
});

test('a rejected request shows a readable error without provider text, and Retry recovers', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await addFault({ provider: 'groq', kind: 'status', status: 400, times: 1 });

  await chat.ask('This one fails once');
  await expect(chat.error).toBeVisible();
  await expect(chat.error).not.toContainText(/invalid_request_error|gsk_|stack/i);

  await chat.error.getByRole('button', { name: 'Retry' }).click();
  await expect(chat.error).toBeHidden();
  await expect(chat.lastAnswer()).toContainText('This one fails once');
});

test('health reports demo mode and configured providers without keys', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.demo).toBe(true);
  expect(body.providers.groq.configured).toBe(true);
  expect(JSON.stringify(body)).not.toContain('gsk_');
});

test('malformed chat input gets a 4xx JSON error, never a 500', async ({ request }) => {
  const notJson = await request.post('/api/chat', { data: 'not json', headers: { 'content-type': 'application/json' } });
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.code).toBe('bad_request:api');

  const noMessages = await request.post('/api/chat', { data: { id: 'x', messages: [] } });
  expect(noMessages.status()).toBe(400);

  const huge = await request.post('/api/chat', {
    data: { id: 'x', messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 'a'.repeat(9 * 1024 * 1024) }] }] },
  });
  expect(huge.status()).toBe(413);
});
