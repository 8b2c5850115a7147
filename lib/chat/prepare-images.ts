import { pruneEarlierImages } from './prune-earlier-images';
import type { ChatRequest } from './request';
import { validateImages } from './validate-images';

/** Checks a chat request's images (throws a 4xx FlintError) and applies the earlier-images policy. */
export function prepareImages(request: ChatRequest): ChatRequest {
  validateImages(request.messages);
  return { ...request, messages: pruneEarlierImages(request.messages) };
}
