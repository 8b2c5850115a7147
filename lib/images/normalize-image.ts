import { classifyFile } from './classify-file';
import { encodeQuality, firstEncodingSize, maxEncodeAttempts, nextEncodingSize } from './encoding-plan';
import type { Dimensions } from './fit-dimensions';
import { ImageProblem } from './image-problem';
import { needsReencode } from './needs-reencode';

/** An image ready to send: a data URL within its budget, and what was done to it. */
export type NormalizedImage = {
  mediaType: string;
  url: string;
  filename: string;
  size: Dimensions;
  /** The decoded size before any downscaling (after EXIF orientation). */
  originalSize: Dimensions;
  reencoded: boolean;
};

/** The step a slow normalisation is on, for the progress shown on its thumbnail. */
export type NormalizeStage = 'decoding' | 'resizing' | 'reading';

/**
 * Turns a picked, pasted or dropped file into an image the vision models accept, using at most
 * `budget` characters of data URL. Throws ImageProblem with a message for the user.
 */
export async function normalizeImage(file: File, budget: number, onStage: (stage: NormalizeStage) => void = () => undefined): Promise<NormalizedImage> {
  const kind = classifyFile(file.name, file.type);
  if (kind === 'not-image') {
    throw new ImageProblem(`“${file.name}” is not an image. Flint reads JPEG, PNG, WebP, GIF and HEIC pictures.`);
  }
  onStage('decoding');
  const bitmap = await decode(file, kind === 'heic');
  try {
    const originalSize = { width: bitmap.width, height: bitmap.height };
    if (!needsReencode({ kind, mediaType: file.type, size: originalSize, byteCount: file.size }, budget)) {
      onStage('reading');
      return { mediaType: file.type.toLowerCase(), url: await readDataUrl(file), filename: file.name, size: originalSize, originalSize, reencoded: false };
    }
    onStage('resizing');
    let size: Dimensions | undefined = firstEncodingSize(originalSize, budget);
    for (let attempt = 0; attempt < maxEncodeAttempts && size; attempt += 1) {
      const blob = await encode(bitmap, size);
      const url = await readDataUrl(blob);
      const next = nextEncodingSize(size, url.length, budget);
      if (!next) return { mediaType: blob.type, url, filename: renamed(file.name, blob.type), size, originalSize, reencoded: true };
      size = next;
    }
    throw new ImageProblem(`“${file.name}” could not be made small enough to send. Try a smaller picture.`);
  } finally {
    bitmap.close();
  }
}

async function decode(file: File, heic: boolean): Promise<ImageBitmap> {
  try {
    // 'from-image' applies the EXIF orientation, so a phone photo is upright before it is resized.
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    if (heic) {
      throw new ImageProblem(
        `“${file.name}” is a HEIC photo and this browser cannot open HEIC. Export it as JPEG (on iPhone: Settings › Camera › Formats › Most Compatible) or attach it from Safari.`,
        { cause: error },
      );
    }
    throw new ImageProblem(`“${file.name}” could not be opened as an image. It may be damaged or in a format this browser cannot read.`, { cause: error });
  }
}

/** Draws the bitmap at `size` and encodes it as WebP, or JPEG where the browser cannot write WebP. */
async function encode(bitmap: ImageBitmap, size: Dimensions): Promise<Blob> {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) throw new ImageProblem('This browser cannot resize images (no canvas).');
  // A white ground, because JPEG has no transparency and would turn it black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  const webp = await canvas.convertToBlob({ type: 'image/webp', quality: encodeQuality });
  // Browsers that cannot write WebP silently hand back a PNG instead.
  if (webp.type === 'image/webp') return webp;
  return canvas.convertToBlob({ type: 'image/jpeg', quality: encodeQuality });
}

function readDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new ImageProblem('The image could not be read.', { cause: reader.error }));
    reader.readAsDataURL(blob);
  });
}

function renamed(name: string, mediaType: string): string {
  const extension = mediaType === 'image/webp' ? 'webp' : 'jpg';
  return `${name.replace(/\.[^.]+$/, '') || 'image'}.${extension}`;
}
