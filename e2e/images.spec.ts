import { mkdirSync } from 'node:fs';
import { expect, test, type Page, type Request } from '@playwright/test';
import { resetEmulator, upstreamRequests } from './emulator-control';
import { ChatPage } from './pages/chat-page';
import { ImageComposer } from './pages/image-composer';
import { pngFile } from './support/png-file';

// Screenshots for a person to look at; taken only when FLINT_SHOTS_DIR names a folder.
const shotsDir = process.env.FLINT_SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: `${shotsDir}/${name}.png` });
}

const smallPng = (name: string) => ({ name, mimeType: 'image/png', buffer: pngFile(96, 64, (x, y) => [x * 2, y * 3, 160]) });
const chatCalls = async () => (await upstreamRequests()).filter((entry) => entry.path.endsWith('/chat/completions'));
type FilePartBody = { type: string; mediaType: string; url: string };
const uploadedFiles = (request: Request) =>
  ((request.postDataJSON() as { messages: Array<{ parts: FilePartBody[] }> }).messages.at(-1)?.parts ?? []).filter((part) => part.type === 'file');

let chat: ChatPage;
let images: ImageComposer;

test.beforeEach(async ({ page }) => {
  await resetEmulator();
  chat = new ChatPage(page);
  images = new ImageComposer(page);
  await chat.goto();
  await images.installFileMaker();
});

test('an image attached with the button is answered by the vision model, with the image in the request', async ({ page }) => {
  await expect(images.attachButton).toBeEnabled();
  await images.fileInput.setInputFiles([smallPng('pixels.png')]);
  await images.expectReady(1);
  await expect(page.getByRole('img', { name: /Image 1: pixels\.png, 96×64/ })).toBeVisible();
  await expect(images.status).toHaveText('1 of 5 images');
  await chat.textbox.fill('What is in this picture?');
  await shot(page, 'image-thumbnails');

  const sent = page.waitForRequest((request) => request.url().endsWith('/api/chat'));
  await chat.textbox.press('Enter');
  // A small PNG within budget goes up byte for byte.
  const [part] = uploadedFiles(await sent);
  expect(part?.mediaType).toBe('image/png');
  expect(part?.url).toBe(`data:image/png;base64,${smallPng('x').buffer.toString('base64')}`);

  await expect(images.thumbnails).toHaveCount(0);
  await expect(page.getByTestId('message-images').getByRole('img')).toHaveCount(1);
  await expect(chat.lastAnswer()).toContainText('I received 1 image');
  await expect(chat.lastAnswer()).not.toHaveAttribute('data-streaming');
  expect((await chatCalls()).map((call) => [call.model, call.images?.length])).toEqual([['qwen/qwen3.8-27b', 1]]);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await shot(page, 'image-answer');

  // A follow-up question in the same chat still reaches the vision model with the image.
  await chat.ask('What colour is the top left corner?');
  await expect(chat.assistantMessages).toHaveCount(2);
  await expect(chat.lastAnswer()).not.toHaveAttribute('data-streaming');
  expect((await chatCalls()).map((call) => [call.model, call.images?.length])).toEqual([['qwen/qwen3.8-27b', 1], ['qwen/qwen3.8-27b', 1]]);
});

test('editing a question about an image keeps the image, so the new answer sees it too', async ({ page }) => {
  await images.fileInput.setInputFiles([smallPng('pixels.png')]);
  await images.expectReady(1);
  await chat.ask('What is in this picture?');
  await chat.waitForAnswer();

  await chat.userMessages.first().getByTestId('edit-message').click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await editor.fill('Describe the colours in this picture');
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/chat'));
  await editor.press('Enter');

  expect(uploadedFiles(await sent)).toHaveLength(1);
  const answer = await chat.waitForAnswer();
  await expect(answer).toContainText('I received 1 image');
  await expect(chat.userMessages.first().getByTestId('message-images').getByRole('img')).toHaveCount(1);
  expect((await chatCalls()).map((call) => [call.model, call.images?.length])).toEqual([
    ['qwen/qwen3.8-27b', 1],
    ['qwen/qwen3.8-27b', 1],
  ]);
});

test('an image pasted from the clipboard is attached', async () => {
  await images.paste([{ name: 'image.png', type: 'image/png', width: 120, height: 90 }]);
  await images.expectReady(1);
  await expect(chat.textbox).toHaveValue('');
});

test('images dropped on the composer show a drop zone while dragged, then attach', async ({ page }) => {
  await expect(images.dropZone).toBeHidden();
  await images.dragOver([
    { name: 'one.png', type: 'image/png', width: 80, height: 60 },
    { name: 'two.jpg', type: 'image/jpeg', width: 80, height: 60 },
  ]);
  await expect(images.dropZone).toBeVisible();
  await shot(page, 'image-drop-zone');
  await images.drop();
  await expect(images.dropZone).toBeHidden();
  await images.expectReady(2);

  await images.removeButton(1).click();
  await images.expectReady(1);
  await expect(page.getByRole('img', { name: /Image 1: two\.jpg/ })).toBeVisible();
});

test('an 8000×6000 PNG is downscaled in the browser before upload, within 33 MP and its share of 4 MB', async ({ page }) => {
  test.setTimeout(60_000);
  await images.pickInPage([{ name: 'huge.png', type: 'image/png', width: 8000, height: 6000 }]);
  await images.expectReady(1);
  await expect(images.status).toContainText('resized to fit');
  await expect(page.getByRole('img', { name: /resized from 8000×6000 to/ })).toBeVisible();
  await shot(page, 'image-resized');

  const sent = page.waitForRequest((request) => request.url().endsWith('/api/chat'));
  await chat.ask('Describe this.');
  const [part] = uploadedFiles(await sent);
  expect(part).toBeDefined();
  expect(part!.url.length).toBeLessThanOrEqual((4 * 1024 * 1024) / 5);
  const size = await page.evaluate(async (url) => {
    // Decoded by hand: the page's CSP allows connections to its own origin only, so fetch(data:) is refused.
    const [header = '', payload = ''] = url.split(',');
    const bytes = Uint8Array.from(atob(payload), (character) => character.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: /^data:([^;]+)/.exec(header)?.[1] }));
    return { width: bitmap.width, height: bitmap.height };
  }, part!.url);
  expect(size.width * size.height).toBeLessThanOrEqual(33_000_000);
  expect(size.width).toBeLessThan(8000);
  expect(size.width / size.height).toBeCloseTo(4 / 3, 1);
  await expect(chat.lastAnswer()).toContainText('I received 1 image');
});

test('a sixth image, a PDF and an undecodable HEIC are refused with clear messages', async ({ page }) => {
  await images.fileInput.setInputFiles(Array.from({ length: 6 }, (_, index) => smallPng(`p${index + 1}.png`)));
  await expect(images.notice).toContainText('at most 5 images, so 1 was not added');
  await images.expectReady(5);

  await images.removeButton(5).click();
  await images.expectReady(4);
  await images.fileInput.setInputFiles([{ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') }]);
  await expect(images.notice).toContainText('“report.pdf” is not an image');
  await images.expectReady(4);

  // Chromium cannot decode HEIC, so the user is told what to do instead.
  await images.fileInput.setInputFiles([{ name: 'IMG_0001.HEIC', mimeType: 'image/heic', buffer: Buffer.from('not really heic') }]);
  await expect(images.notice).toContainText('this browser cannot open HEIC');
  await images.expectReady(4);
  await expect(page.getByTestId('attachment-status')).toHaveText('4 of 5 images');
  await shot(page, 'image-refused');
});
