import { estimateTokens } from '@/lib/ai/routing/estimate-tokens';
import type { RouteNeeds } from '@/lib/ai/routing/router';
import type { ChatRequest } from '@/lib/chat/request';

/** A rough token cost of one image in the prompt (providers bill 85-1,500 depending on size). */
const tokensPerImage = 1000;

/** What a chat request needs from a model, read off its messages, the tier the user picked (media types in any case) and its tools switch. */
export function chatNeeds(request: ChatRequest): RouteNeeds {
  let estimatedPromptTokens = 0;
  let hasImages = false;
  for (const message of request.messages) {
    for (const part of message.parts) {
      if (part.type === 'text' && typeof part.text === 'string') estimatedPromptTokens += estimateTokens(part.text);
      if (part.type === 'file' && typeof part.mediaType === 'string' && part.mediaType.toLowerCase().startsWith('image/')) {
        hasImages = true;
        estimatedPromptTokens += tokensPerImage;
      }
    }
  }
  // Offered tools narrow the models to those that call them, without making every chat a heavy one.
  const needsTools = request.tools !== false;
  return { tier: request.tier, hasImages, needsTools, toolsOptional: needsTools, needsJson: false, estimatedPromptTokens };
}
