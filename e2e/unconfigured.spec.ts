import { expect, test } from '@playwright/test';
import { unconfiguredPort } from '../playwright.config';

const base = `http://127.0.0.1:${unconfiguredPort}`;

test('without any key or demo mode the page explains what to configure, and nothing can be sent', async ({ page }) => {
  await page.goto(base);
  const banner = page.getByTestId('setup-banner');
  await expect(banner).toContainText('No AI provider is configured');
  await expect(banner).toContainText('GROQ_API_KEY');
  await expect(banner).toContainText('npm run demo');
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeDisabled();
});

test('health says no provider is configured, and chat answers a typed 503 instead of crashing', async ({ request }) => {
  const health = await request.get(`${base}/api/health`);
  expect(health.status()).toBe(200);
  const body = await health.json();
  expect(body).toMatchObject({ status: 'unconfigured', demo: false });
  expect(body.providers.groq.configured).toBe(false);

  const chat = await request.post(`${base}/api/chat`, {
    data: { id: 'c', messages: [{ id: 'm', role: 'user', parts: [{ type: 'text', text: 'hello' }] }] },
  });
  expect(chat.status()).toBe(503);
  expect((await chat.json()).error.code).toBe('not_configured:chat');
});
