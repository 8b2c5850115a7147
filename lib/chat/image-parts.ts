import type { ChatRequest } from './request';

type RequestPart = ChatRequest['messages'][number]['parts'][number];

/** A `file` part of a chat message as the browser sent it (fields not yet checked). */
export type FilePart = RequestPart & { type: 'file'; mediaType?: unknown; url?: unknown };

/** Whether a message part is a file attachment. */
export function isFilePart(part: RequestPart): part is FilePart {
  return part.type === 'file';
}

/** The characters of data URL a file part carries (0 when it has none). */
export function urlLength(part: FilePart): number {
  return typeof part.url === 'string' ? part.url.length : 0;
}
