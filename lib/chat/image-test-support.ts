import type { ChatRequest } from './request';

/** A real 1x1 PNG as a data URL. */
export const pngDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A data URL of `mediaType` whose bytes start with `header`, padded to about `length` characters. */
export function dataUrlOf(mediaType: string, header: readonly number[], length = 0): string {
  const bytes = new Uint8Array(Math.max(header.length, Math.floor((length * 3) / 4)));
  bytes.set(header);
  return `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** A chat `file` part. */
export function filePart(url: string = pngDataUrl, mediaType: string = 'image/png') {
  return { type: 'file', mediaType, url, filename: 'picture' };
}

/** A user message with a question and the given attachments. */
export function userMessage(id: string, text: string, files: ReturnType<typeof filePart>[] = []): ChatRequest['messages'][number] {
  return { id, role: 'user', parts: [...files, { type: 'text', text }] };
}
