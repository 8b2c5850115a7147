// The edge under a hostile web: the CSP holds while the app is used (chat, voice, images), remote
// images in answers are links, cross-site and non-JSON posts are refused, every response is hardened.
import { expect, test, type Page } from '@playwright/test';
import config, { emulatorPort } from '../playwright.config';
import { resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';
import { ImageComposer } from './pages/image-composer';
import { VoiceInput } from './pages/voice-input';
import { pngFile } from './support/png-file';
import { writeWavFile } from './support/wav-file';

const speechFile = writeWavFile('/tmp/flint-security-speech.wav', 'speech');
const projectLaunch = config.projects?.[0]?.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...projectLaunch,
    args: [...(projectLaunch.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${speechFile}`],
  },
});

test.beforeEach(async () => {
  await resetEmulator();
});

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

test('the app works under its CSP: chatting, recording voice and attaching an image raise no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const chat = new ChatPage(page);
  const voice = new VoiceInput(page);
  const images = new ImageComposer(page);
  await chat.goto();

  await chat.ask('Hello under a strict policy');
  await chat.waitForAnswer();
  await expect(chat.lastAnswer().locator('pre')).toBeVisible();

  await voice.record.click();
  await expect(voice.elapsed).toHaveText(/^0:0[1-9]$/);
  await voice.stop.click();
  await expect(voice.record).toBeVisible();
  await expect(chat.textbox).not.toHaveValue('');

  await images.fileInput.setInputFiles([{ name: 'dots.png', mimeType: 'image/png', buffer: pngFile(64, 48, (x, y) => [x * 4, y * 5, 90]) }]);
  await images.expectReady(1);
  await chat.textbox.fill('What is in this picture?');
  await chat.textbox.press('Enter');
  await chat.waitForAnswer();
  await expect(page.getByTestId('message-images').getByRole('img')).toHaveCount(1);

  expect(await violations()).toEqual([]);
});

test('a remote image in an answer is shown as a link and never fetched', async ({ page }) => {
  const beacon = `http://127.0.0.1:${emulatorPort}/beacon.png?secret=prompt`;
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/beacon.png')) fetched.push(request.url());
  });
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask(`Look ![tracker](${beacon})`);
  const answer = await chat.waitForAnswer();
  const link = answer.getByTestId('answer-image-link');
  await expect(link).toHaveAttribute('href', beacon);
  await expect(link).toHaveAttribute('rel', /noopener/);
  await expect(answer.locator('img')).toHaveCount(0);
  expect(fetched).toEqual([]);
});

test('every response carries the security headers; the page CSP has a fresh nonce and no unsafe-inline script', async ({ request }) => {
  const first = await request.get('/');
  const second = await request.get('/');
  const policy = first.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("img-src 'self' data: blob:");
  expect(policy).toContain("connect-src 'self'");
  const nonce = (text: string) => /'nonce-([^']+)'/.exec(text)?.[1];
  expect(nonce(policy)).not.toBe(nonce(second.headers()['content-security-policy'] ?? ''));
  // Next put the nonce on its own inline scripts.
  expect(await first.text()).toContain(`nonce="${nonce(policy)}"`);

  for (const path of ['/', '/api/health', '/icon.svg']) {
    const headers = (await request.get(path)).headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBeTruthy();
    expect(headers['permissions-policy'], path).toContain('microphone=(self)');
  }
  const upload = await request.post('/api/transcribe', { multipart: { language: 'en' } });
  expect(upload.headers()['x-content-type-options']).toBe('nosniff');
  expect(upload.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('the page has a favicon', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});

test('cross-site and non-JSON posts to the API are refused; curl-like and gateway requests are not', async ({ request }) => {
  const body = { id: 'c1', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] };
  const crossSite = await request.post('/api/chat', { data: body, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe('forbidden:api');
  const foreignOrigin = await request.post('/api/chat', { data: body, headers: { origin: 'https://evil.example' } });
  expect(foreignOrigin.status()).toBe(403);

  // A cross-site HTML form can send text/plain without a preflight: refused even from a tool.
  const plain = await request.post('/api/chat', { data: JSON.stringify(body), headers: { 'content-type': 'text/plain' } });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.code).toBe('unsupported_media:api');

  const upload = await request.post('/api/transcribe', { multipart: { language: 'en' }, headers: { 'sec-fetch-site': 'cross-site' } });
  expect(upload.status()).toBe(403);
  const extract = await request.post('/api/extract', { data: { text: 'Ada, ada@example.com', schema: 'contact' }, headers: { 'sec-fetch-site': 'cross-site' } });
  expect(extract.status()).toBe(403);
  // The admin API stays behind the proxy's rule.
  expect((await request.post('/api/admin/keys', { data: {}, headers: { 'sec-fetch-site': 'cross-site' } })).status()).toBe(403);

  // No browser headers at all (curl, a server): served.
  expect((await request.post('/api/chat', { data: body })).status()).toBe(200);
  // The gateway's routes answer to API keys, not to the same-origin rule (404 until they exist, never 403).
  expect((await request.post('/v1/chat/completions', { data: {}, headers: { origin: 'https://elsewhere.example' } })).status()).not.toBe(403);
});
