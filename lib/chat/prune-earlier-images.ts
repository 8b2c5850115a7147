import { imageLimits } from '@/lib/images/image-limits';
import { isFilePart, urlLength } from './image-parts';
import type { ChatRequest } from './request';

type Message = ChatRequest['messages'][number];

/** What the model reads where an earlier image was left out. */
export function omittedImagesNote(count: number): string {
  return count === 1
    ? '[An image the user attached here is omitted; ask them to attach it again if it is needed.]'
    : `[${count} images the user attached here are omitted; ask them to attach them again if they are needed.]`;
}

/**
 * The policy for images in earlier turns: keep the images of the most recent messages, newest
 * first, while the whole request stays within 5 images and 4 MB of base64; from the first
 * message that no longer fits, every older message's images become a text note. A message is
 * kept or dropped whole, so the model never sees half of what one turn showed it.
 */
export function pruneEarlierImages(messages: readonly Message[]): Message[] {
  let keptImages = 0;
  let keptLength = 0;
  let full = false;
  const pruned = [...messages];
  for (let index = pruned.length - 1; index >= 0; index -= 1) {
    const message = pruned[index]!;
    const files = message.parts.filter(isFilePart);
    if (files.length === 0) continue;
    const length = files.reduce((sum, part) => sum + urlLength(part), 0);
    full ||= keptImages + files.length > imageLimits.maxImages || keptLength + length > imageLimits.maxBase64Bytes;
    if (!full) {
      keptImages += files.length;
      keptLength += length;
      continue;
    }
    pruned[index] = withoutImages(message, files.length);
  }
  return pruned;
}

function withoutImages(message: Message, count: number): Message {
  const parts: Message['parts'] = [];
  let noted = false;
  for (const part of message.parts) {
    if (!isFilePart(part)) parts.push(part);
    else if (!noted) {
      parts.push({ type: 'text', text: omittedImagesNote(count) });
      noted = true;
    }
  }
  return { ...message, parts };
}
