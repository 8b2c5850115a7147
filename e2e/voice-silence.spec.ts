// Voice input when the microphone hears nothing: a silent fake capture file (made in code, never committed).
import { expect, test } from '@playwright/test';
import config from '../playwright.config';
import { resetEmulator, upstreamRequests } from './emulator-control';
import { ChatPage } from './pages/chat-page';
import { VoiceInput } from './pages/voice-input';
import { writeWavFile } from './support/wav-file';

const silenceFile = writeWavFile('/tmp/flint-voice-silence.wav', 'silence');

const projectLaunch = config.projects?.[0]?.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...projectLaunch,
    args: [...(projectLaunch.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${silenceFile}`],
  },
});

test.beforeEach(async () => {
  await resetEmulator();
});

test('a silent recording gets a clear message instead of an empty transcript, and nothing is uploaded', async ({ page }) => {
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  await chat.goto();

  await voice.record.click();
  await expect(voice.elapsed).toHaveText(/^0:0[2-9]$/);
  // Resampling leaves a whisper of noise, far below speech (which reads 30-90 on this meter).
  expect(Number(await voice.level.getAttribute('aria-valuenow'))).toBeLessThan(5);
  await voice.stop.click();

  await expect(voice.problem).toContainText('No sound reached the microphone');
  await expect(chat.textbox).toHaveValue('');
  expect((await upstreamRequests()).filter((entry) => /whisper/.test(entry.model ?? ''))).toEqual([]);
});
