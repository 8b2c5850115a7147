import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { resetEmulator } from './emulator-control';
import { ChatPage } from './pages/chat-page';

test.beforeEach(async () => {
  await resetEmulator();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations, empty and with an answer (${colorScheme}) @mobile`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const chat = new ChatPage(page);
    await chat.goto();
    expect(await seriousViolations(page)).toEqual([]);

    await chat.ask('Check me for accessibility');
    const answer = await chat.waitForAnswer();
    await answer.getByTestId('reasoning').locator('summary').click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the chat drawer on a phone passes axe too @mobile', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.chatList();
  expect(await seriousViolations(page)).toEqual([]);
});

test('keyboard users reach every control, each with a name and a visible focus ring', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.ask('Tab through me');
  await chat.waitForAnswer();
  await chat.waitForSaved();
  // Text in the box, so Send is enabled (a disabled button is rightly skipped by Tab).
  await chat.textbox.fill('draft');
  await page.locator('body').click({ position: { x: 1, y: 1 } });

  const reached = new Set<string>();
  for (let step = 0; step < 40; step += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const label = element.closest('label');
      const name = (element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '').trim() || (label?.textContent ?? '').trim();
      const frame = element.closest('[data-focus-frame]');
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (frame ? /0px 0px 0px 2px/.test(getComputedStyle(frame).boxShadow) : false);
      // Radios are visually hidden; their label draws the ring (has-[:focus-visible]).
      const labelRing = label ? getComputedStyle(label).outlineStyle !== 'none' : false;
      return { name, ring: ring || labelRing, tag: element.tagName };
    });
    if (!focused) continue;
    expect(focused.name, `a focused ${focused.tag} has no accessible name`).not.toBe('');
    expect(focused.ring, `"${focused.name}" has no visible focus ring`).toBe(true);
    reached.add(focused.name);
  }
  for (const control of ['New chat', 'Message', 'Auto', 'Send', 'Copy message', 'Regenerate answer', 'Edit message', 'Rename chat', 'Delete chat']) {
    expect([...reached], `Tab never reached "${control}"`).toContainEqual(expect.stringContaining(control));
  }
});

test('a streaming answer is announced politely, sentence by sentence, without repeating itself', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.goto();
  const announcer = page.getByTestId('live-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');

  // Long enough to arrive over many renders, so announcements come in several pieces.
  await chat.ask('Announce this [emulate tokens=800]');
  await chat.waitForAnswer();
  const lines = await announcer.locator('p').allInnerTexts();
  expect(lines.length).toBeGreaterThan(1);
  // Each line is new text: no line repeats or contains an earlier one.
  for (const [index, line] of lines.entries()) {
    for (const earlier of lines.slice(0, index)) expect(line.includes(earlier)).toBe(false);
  }
  expect(lines.join(' ')).toContain('keeps going so that length and speed can be measured');
  // The conversation itself is not a live region, or every token would be re-read.
  await expect(page.locator('[data-testid=message-list] [aria-live]')).toHaveCount(0);
});
