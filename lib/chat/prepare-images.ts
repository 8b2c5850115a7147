import { isFilePart } from './image-parts';
import { pruneEarlierImages } from './prune-earlier-images';
import type { ChatRequest } from './request';
import { validateImages } from './validate-images';

/**
 * Checks a chat request's images (throws a 4xx FlintError), writes their media types in lower case
 * (validation compares case-insensitively, and the router must see `IMAGE/PNG` as the image it is),
 * and applies the earlier-images policy.
 */
export function prepareImages(request: ChatRequest): ChatRequest {
  validateImages(request.messages);
  const messages = request.messages.map((message) => ({
    ...message,
    parts: message.parts.map((part) => (isFilePart(part) && typeof part.mediaType === 'string' ? { ...part, mediaType: part.mediaType.toLowerCase() } : part)),
  }));
  return { ...request, messages: pruneEarlierImages(messages) };
}
