import { expect, test } from '@playwright/test';
import { addFault, resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

test('a connection dropped mid-answer is continued by another model, and the badge says so', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  // ~50 reasoning chunks come first: drop once the visible answer has started.
  await addFault({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'drop', afterChunks: 70, times: 1 });

  await chat.ask('Tell me about rivers');
  const answer = await chat.waitForAnswer();
  await expect(answer.getByTestId('served-by')).toContainText('served by gpt-oss-20b');
  await expect(answer.getByTestId('served-by-continued')).toContainText('gpt-oss-120b');
  // One answer, not a restart: the 20b opening appears once.
  await expect(answer).toContainText('answering as openai/gpt-oss-20b');
  expect((await answer.innerText()).split('answering as openai/gpt-oss-20b')).toHaveLength(2);
  await expect(answer.getByTestId('answer-interrupted')).toHaveCount(0);
});

test('when no model can continue, the cut-off answer is marked interrupted and offers Continue', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  // Every call fails, however many rounds the chain tries: no model can continue.
  await addFault({ provider: 'groq', kind: 'drop', afterChunks: 70 });
  await addFault({ provider: 'openai', kind: 'status', status: 503 });

  await chat.ask('Tell me about mountains');
  const answer = await chat.waitForAnswer();
  const notice = answer.getByTestId('answer-interrupted');
  await expect(notice).toContainText('cut off before it was finished');

  // The providers recover; Continue asks for the rest.
  await resetEmulator();
  await notice.getByRole('button', { name: 'Continue' }).click();
  await expect(chat.userMessages.last()).toContainText('continue your previous answer');
  await chat.waitForAnswer();
  await expect(chat.assistantMessages).toHaveCount(2);
});
