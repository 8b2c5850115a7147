// FLINT_REQUIRE_KEY=1 (the third app server): the chat page asks for a gateway key once, keeps a
// session cookie across reloads, and shows the form again on sign-out or when the key is revoked.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { makeWav } from '../emulator/wav-fixture.ts';
import { requireKeyAdminToken, requireKeyPort } from '../playwright.config';
import { ChatPage } from './pages/chat-page';

const base = `http://127.0.0.1:${requireKeyPort}`;
test.use({ baseURL: base });

const admin = { authorization: `Bearer ${requireKeyAdminToken}` };

async function createKey(request: APIRequestContext, name: string): Promise<{ key: string; prefix: string }> {
  const response = await request.post(`${base}/api/admin/keys`, { headers: admin, data: { name } });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { key: string; summary: { prefix: string } };
  return { key: body.key, prefix: body.summary.prefix };
}

function signInForm(page: Page) {
  const form = page.getByTestId('sign-in-form');
  return { form, key: form.getByLabel('Gateway key'), submit: form.getByRole('button', { name: 'Sign in' }), error: form.getByRole('alert') };
}

test('asks for a key, refuses a wrong one, chats on the right one, keeps the session on reload and shows the form again on sign-out', async ({ page, request }, testInfo) => {
  const { key } = await createKey(request, 'e2e-alice');
  const chat = new ChatPage(page);
  await page.goto('/');
  const form = signInForm(page);
  await expect(form.key).toBeFocused();
  await expect(form.key).toHaveAttribute('type', 'password');
  await expect(chat.textbox).toHaveCount(0);

  // A wrong key: said next to the field, which is marked invalid; the form keeps the keyboard.
  await form.key.fill('flk_wrongwrongwrongwrongwrongwrongwrong');
  await form.key.press('Enter');
  await expect(form.error).toContainText('unknown or has been revoked');
  await expect(form.key).toHaveAttribute('aria-invalid', 'true');
  await expect(form.key).toBeFocused();

  await form.key.fill(key);
  await form.submit.click();
  await expect(chat.textbox).toBeEditable();
  await expect(page.getByTestId('session-menu')).toContainText('e2e-alice');
  // The cookie is the server's alone: no script on the page can read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('flint_session');

  await chat.ask('Hello behind a key [emulate tokens=40]');
  const answer = await chat.waitForAnswer();
  await expect(answer).not.toBeEmpty();
  await chat.waitForSaved();
  await page.screenshot({ path: testInfo.outputPath('require-key-signed-in.png') });

  // Voice input rides on the same session.
  const transcribed = await page.evaluate(async (wav) => {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(wav)], { type: 'audio/wav' }), 'speech.wav');
    const response = await fetch('/api/transcribe', { method: 'POST', body });
    return response.status;
  }, Array.from(makeWav({ seconds: 1, frequency: 220, amplitude: 0.5 })));
  expect(transcribed).toBe(200);

  await page.reload();
  await expect(chat.textbox).toBeEditable();
  await expect(signInForm(page).form).toHaveCount(0);
  await expect(chat.userMessages.last()).toContainText('Hello behind a key');

  await page.getByRole('button', { name: 'Sign out (e2e-alice)' }).click();
  const again = signInForm(page);
  await expect(again.form).toBeVisible();
  await expect(page.getByTestId('sign-in-notice')).toContainText('signed out');
  await expect(again.key).toBeFocused();
  await page.reload();
  await expect(signInForm(page).form).toBeVisible();
  expect((await page.request.post(`${base}/api/chat`, { data: {} })).status()).toBe(401);
});

test('a revoked key ends the session at once: the next question brings back the form, saying why', async ({ page, request }) => {
  const { key, prefix } = await createKey(request, 'e2e-revoked');
  const chat = new ChatPage(page);
  await page.goto('/');
  const form = signInForm(page);
  await form.key.fill(key);
  await form.key.press('Enter');
  await expect(chat.textbox).toBeEditable();

  expect((await request.delete(`${base}/api/admin/keys`, { headers: admin, data: { prefix } })).status()).toBe(200);
  await chat.ask('Still there?');
  await expect(page.getByTestId('sign-in-notice')).toContainText('session has ended');
  await expect(signInForm(page).key).toBeFocused();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
}

test('the sign-in form fits a phone in dark mode and a desktop in light mode, with no serious axe findings', async ({ page }, testInfo) => {
  for (const view of [
    { name: 'desktop-light', colorScheme: 'light' as const, width: 1280, height: 800 },
    { name: 'phone-dark', colorScheme: 'dark' as const, width: 375, height: 740 },
  ]) {
    await page.emulateMedia({ colorScheme: view.colorScheme });
    await page.setViewportSize({ width: view.width, height: view.height });
    await page.goto('/');
    const form = signInForm(page);
    await form.key.fill('flk_nope');
    await form.submit.click();
    await expect(form.error).toBeVisible();
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(view.width);
    expect(await seriousViolations(page)).toEqual([]);
    // The refused key stays selected for retyping; the picture shows the field as it rests.
    await form.key.press('End');
    await page.screenshot({ path: testInfo.outputPath(`require-key-${view.name}.png`) });
  }
});
