import { FlintError } from '@/lib/errors';
import { imageLimits, isAcceptedImageType } from '@/lib/images/image-limits';
import { imageSignature, signatureLength } from './image-signature';
import { isFilePart, urlLength, type FilePart } from './image-parts';
import type { ChatRequest } from './request';

const dataUrlPattern = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+);base64,/i;
const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
const typeNames = 'JPEG, PNG, WebP or GIF';

/**
 * Checks every attachment in a chat request before any model sees it: images only, of an accepted
 * type, as base64 data URLs whose bytes are what they claim, at most 5 and 4 MB per message.
 * Throws a 4xx FlintError (`unsupported_file:chat`, `bad_image:chat`, `too_many_images:chat`,
 * `images_too_large:chat`).
 */
export function validateImages(messages: ChatRequest['messages']): void {
  for (const message of messages) {
    const files = message.parts.filter(isFilePart);
    if (files.length > imageLimits.maxImages) {
      throw new FlintError('too_many_images:chat', { message: `A message can carry at most ${imageLimits.maxImages} images; this one has ${files.length}.` });
    }
    files.forEach((part, index) => validateImage(part, index + 1));
    const total = files.reduce((sum, part) => sum + urlLength(part), 0);
    if (total > imageLimits.maxBase64Bytes) {
      throw new FlintError('images_too_large:chat', { message: `The images in one message may take at most 4 MB together; these take ${(total / 1024 / 1024).toFixed(1)} MB.` });
    }
  }
}

function validateImage(part: FilePart, position: number): void {
  const mediaType = typeof part.mediaType === 'string' ? part.mediaType.toLowerCase() : '';
  if (!isAcceptedImageType(mediaType)) {
    const what = mediaType.startsWith('image/') ? `${mediaType} images` : `files of type ${mediaType || 'unknown'}`;
    throw new FlintError('unsupported_file:chat', { message: `Flint cannot send ${what} to a model. Attach ${typeNames} images.` });
  }
  const url = typeof part.url === 'string' ? part.url : '';
  const header = dataUrlPattern.exec(url);
  if (!header) throw badImage(position, 'it is not an inline base64 data URL');
  if (header[1]!.toLowerCase() !== mediaType) throw badImage(position, `its data URL says ${header[1]} but the part says ${mediaType}`);
  const payload = url.slice(header[0].length);
  if (payload.length === 0 || payload.length % 4 !== 0 || !base64Pattern.test(payload)) throw badImage(position, 'its base64 data is damaged');
  const head = Buffer.from(payload.slice(0, Math.ceil(signatureLength / 3) * 4), 'base64');
  const actual = imageSignature(head);
  if (actual !== mediaType) throw badImage(position, actual ? `it is a ${actual} file labelled ${mediaType}` : `its bytes are not a ${mediaType} image`);
}

function badImage(position: number, reason: string): FlintError {
  return new FlintError('bad_image:chat', { message: `Image ${position} could not be read: ${reason}. Attach it again as ${typeNames}.` });
}
