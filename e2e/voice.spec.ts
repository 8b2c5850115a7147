// Voice input in Chromium with a fake microphone that plays speech-like audio made in code.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import config, { emulatorPort } from '../playwright.config';
import { addFault, resetEmulator, upstreamRequests } from './emulator-control';
import { ChatPage } from './pages/chat-page';
import { VoiceInput } from './pages/voice-input';
import { writeWavFile } from './support/wav-file';

// Generated here, never committed: the browser's microphone plays this file in a loop.
const speechFile = writeWavFile('/tmp/flint-voice-speech.wav', 'speech');
const shots = '/tmp/flint-shots';
mkdirSync(shots, { recursive: true });

const projectLaunch = config.projects?.[0]?.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...projectLaunch,
    args: [
      ...(projectLaunch.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-audio-capture=${speechFile}`,
    ],
  },
});

const transcript = 'What is the boiling point of water on Everest?';

async function setTranscript(text: string | null) {
  const response = await fetch(`http://127.0.0.1:${emulatorPort}/_emulator/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ transcript: text }),
  });
  if (!response.ok) throw new Error(`emulator refused config: ${response.status}`);
}

const transcriptionCalls = async () => (await upstreamRequests()).filter((entry) => /whisper/.test(entry.model ?? ''));

test.beforeEach(async () => {
  await resetEmulator();
  await setTranscript(transcript);
});
test.afterAll(async () => {
  await setTranscript(null);
});

test('record, stop, edit-ready transcript in the textbox, send, and a streamed reply arrives', async ({ page }) => {
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  await chat.goto();
  await expect(voice.record).toHaveAttribute('aria-keyshortcuts', 'Alt+V');

  await voice.record.click();
  await expect(voice.stop).toBeVisible();
  await expect(voice.cancel).toBeVisible();
  // The clock runs and the meter moves with the synthetic speech.
  await expect(voice.elapsed).toHaveText(/^0:0[2-9]$/);
  await expect.poll(async () => Number(await voice.level.getAttribute('aria-valuenow'))).toBeGreaterThan(5);
  await page.screenshot({ path: `${shots}/voice-recording.png` });

  await voice.stop.click();
  await expect(chat.textbox).toHaveValue(transcript);
  await expect(chat.textbox).toBeFocused();
  await expect(voice.record).toBeVisible();
  await page.screenshot({ path: `${shots}/voice-transcript.png` });
  expect(await transcriptionCalls()).toEqual([expect.objectContaining({ provider: 'groq', model: 'whisper-large-v3-turbo', status: 200 })]);

  await chat.textbox.press('Enter');
  await expect(chat.userMessages.last()).toContainText(transcript);
  await expect(chat.lastAnswer()).toContainText(transcript);
  await expect(chat.lastAnswer()).not.toHaveAttribute('data-streaming');
});

test('Cancel mid-recording sends nothing and leaves the textbox alone', async ({ page }) => {
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  await chat.goto();
  await chat.textbox.fill('Draft I am keeping');

  await voice.record.click();
  await expect(voice.elapsed).toHaveText(/^0:0[1-9]$/);
  await voice.cancel.click();

  await expect(voice.record).toBeVisible();
  await expect(voice.root).toHaveAttribute('data-phase', 'idle');
  await expect(voice.transcribing).toBeHidden();
  await expect(chat.textbox).toHaveValue('Draft I am keeping');
  expect(await transcriptionCalls()).toEqual([]);
});

test('hold Alt+V to talk: pressing starts, releasing stops and transcribes', async ({ page }) => {
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  await chat.goto();
  await chat.textbox.focus();

  await page.keyboard.down('Alt');
  await page.keyboard.down('KeyV');
  await expect(voice.elapsed).toHaveText(/^0:0[2-9]$/);
  await page.keyboard.up('KeyV');
  await page.keyboard.up('Alt');

  await expect(chat.textbox).toHaveValue(transcript);
});

test('a failed upload keeps the recording, says so, and Retry transcribes the same audio', async ({ page }) => {
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  await chat.goto();
  // Every transcription model fails once: the whole chain is down for this one request.
  await addFault({ provider: 'groq', endpoint: 'transcription', kind: 'status', status: 503, times: 2 });
  await addFault({ provider: 'openai', endpoint: 'transcription', kind: 'status', status: 503, times: 1 });

  await voice.record.click();
  await expect(voice.elapsed).toHaveText(/^0:0[2-9]$/);
  await voice.stop.click();

  await expect(voice.problem).toContainText('Your recording is kept');
  await expect(voice.problem).not.toContainText(/Groq|over capacity|503/);
  await expect(chat.textbox).toHaveValue('');
  await page.screenshot({ path: `${shots}/voice-upload-failed.png` });

  await voice.retry.click();
  await expect(chat.textbox).toHaveValue(transcript);
  await expect(voice.problem).toBeHidden();
  const calls = await transcriptionCalls();
  expect(calls.map((call) => call.status)).toEqual([503, 503, 503, 200]);
});

test('a blocked microphone gets a message saying how to allow it', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  await chat.goto();

  await voice.record.click();
  await expect(voice.problem).toContainText('Microphone access is blocked');
  await expect(voice.problem).toContainText('Allow the microphone');
  await expect(voice.stop).toBeHidden();
  await page.screenshot({ path: `${shots}/voice-permission-denied.png` });
  await voice.problem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(voice.problem).toBeHidden();
  expect(await transcriptionCalls()).toEqual([]);
});

test('a recording stops itself at the 2-minute limit, counting down near the end, and keeps what was said', async ({ page }) => {
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  // The page's clock is ours to move: two minutes pass without waiting two minutes.
  await page.clock.install();
  await chat.goto();

  await voice.record.click();
  await expect(voice.stop).toBeVisible();
  await expect.poll(async () => Number(await voice.level.getAttribute('aria-valuenow'))).toBeGreaterThan(5);
  await expect(page.getByTestId('voice-countdown')).toHaveCount(0);

  await page.clock.fastForward('01:50');
  await expect(page.getByTestId('voice-countdown')).toBeVisible();
  await expect(voice.stop).toBeVisible();

  await page.clock.fastForward('00:11');
  await expect(voice.stop).toBeHidden();
  await expect(chat.textbox).toHaveValue(transcript);
  expect(await transcriptionCalls()).toHaveLength(1);
});
