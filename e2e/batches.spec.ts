import { expect, test } from '@playwright/test';

const csv = 'id,text\nd1,"The first document, about rivers."\nd2,The second one is about mountains.\nd3,A third about the sea.\n';

test('a CSV with a template runs to the end on /batches and its results download as CSV', async ({ page }) => {
  await page.goto('/batches');
  await page.getByTestId('batch-file').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('batch-template').fill('Summarise: {{text}}');
  await page.getByTestId('batch-model').fill('openai/gpt-oss-20b');
  await page.getByLabel('Engine').selectOption('local');
  await page.getByRole('button', { name: 'Start batch' }).click();

  const row = page.getByTestId('batch-row').first();
  await expect(row).toHaveAttribute('data-status', 'completed', { timeout: 30_000 });
  await expect(row.getByTestId('batch-done')).toHaveText('3 / 3');
  await expect(row.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');

  const download = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Results CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('notes-results.csv');
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toContain('The first document, about rivers.');
});

test('a bad JSONL file is refused with the line and what is wrong', async ({ page }) => {
  await page.goto('/batches');
  const good = JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: { model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'hi' }] } });
  await page.getByTestId('batch-file').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${good}\n${good}\n{broken\n`) });
  await page.getByRole('button', { name: 'Start batch' }).click();
  const error = page.getByTestId('batch-error');
  await expect(error).toContainText('Line 2: custom_id "a" is already used on line 1.');
  await expect(error).toContainText('Line 3 is not valid JSON.');
});
