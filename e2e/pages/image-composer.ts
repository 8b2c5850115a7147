import { expect, type Locator, type Page } from '@playwright/test';

/** A file made inside the page: a canvas drawing encoded as `type`, or raw bytes. */
export type PageFile = { name: string; type: string; width?: number; height?: number; bytes?: number[] };

/** The composer's image features: the attach button, paste, drop, thumbnails and notices. */
export class ImageComposer {
  readonly attachButton: Locator;
  readonly fileInput: Locator;
  readonly thumbnails: Locator;
  readonly readyThumbnails: Locator;
  readonly notice: Locator;
  readonly dropZone: Locator;
  readonly status: Locator;
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.attachButton = page.getByRole('button', { name: /attach image/i });
    this.fileInput = page.getByTestId('attach-image-input');
    this.thumbnails = page.getByTestId('attachment');
    this.readyThumbnails = page.locator('[data-testid="attachment"][data-stage="ready"]');
    this.notice = page.getByTestId('attachment-notice');
    this.dropZone = page.getByTestId('drop-zone');
    this.status = page.getByTestId('attachment-status');
  }

  removeButton(position: number): Locator {
    return this.page.getByRole('button', { name: `Remove image ${position}` });
  }

  async expectReady(count: number) {
    await expect(this.readyThumbnails).toHaveCount(count);
    await expect(this.thumbnails).toHaveCount(count);
  }

  /** Pastes files into the message box as a clipboard paste would deliver them. */
  async paste(files: PageFile[]) {
    await this.page.evaluate(async (specs) => {
      const transfer = new DataTransfer();
      for (const file of await (window as unknown as FileMaker).flintMakeFiles(specs)) transfer.items.add(file);
      const target = document.getElementById('composer-input')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, files);
  }

  /** Starts dragging files over the composer (dragenter + dragover), as a drag from the desktop does. */
  async dragOver(files: PageFile[]) {
    await this.page.evaluate(async (specs) => {
      const transfer = new DataTransfer();
      for (const file of await (window as unknown as FileMaker).flintMakeFiles(specs)) transfer.items.add(file);
      (window as unknown as { flintDrag: DataTransfer }).flintDrag = transfer;
      const target = document.getElementById('composer-input')!;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
  }

  /** Drops what `dragOver` started dragging. */
  async drop() {
    await this.page.evaluate(() => {
      const transfer = (window as unknown as { flintDrag: DataTransfer }).flintDrag;
      document.getElementById('composer-input')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
  }

  /** Puts files made in the page into the hidden file input, as picking them would. */
  async pickInPage(files: PageFile[]) {
    await this.page.evaluate(async (specs) => {
      const transfer = new DataTransfer();
      for (const file of await (window as unknown as FileMaker).flintMakeFiles(specs)) transfer.items.add(file);
      const input = document.querySelector<HTMLInputElement>('[data-testid="attach-image-input"]')!;
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, files);
  }

  /** Installs `flintMakeFiles` in the page: draws a busy picture (so it compresses like a photo, not a flat colour). */
  async installFileMaker() {
    await this.page.evaluate(() => {
      (window as unknown as FileMaker).flintMakeFiles = (specs) =>
        Promise.all(
          specs.map(async (spec) => {
            if (spec.bytes) return new File([new Uint8Array(spec.bytes)], spec.name, { type: spec.type });
            const canvas = new OffscreenCanvas(spec.width ?? 64, spec.height ?? 48);
            const context = canvas.getContext('2d')!;
            const gradient = context.createLinearGradient(0, 0, canvas.width, canvas.height);
            gradient.addColorStop(0, '#f97316');
            gradient.addColorStop(1, '#1e3a8a');
            context.fillStyle = gradient;
            context.fillRect(0, 0, canvas.width, canvas.height);
            for (let index = 0; index < 400; index += 1) {
              context.fillStyle = `hsl(${(index * 37) % 360} 70% 50% / 0.5)`;
              context.fillRect((index * 7919) % canvas.width, (index * 104729) % canvas.height, canvas.width / 12, canvas.height / 12);
            }
            const blob = await canvas.convertToBlob({ type: spec.type });
            return new File([blob], spec.name, { type: spec.type });
          }),
        );
    });
  }
}

type FileMaker = { flintMakeFiles: (specs: PageFile[]) => Promise<File[]> };
