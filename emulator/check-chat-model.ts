import { ApiError, invalidRequest } from './api-error.ts';
import type { ChatRequest } from './chat-request.ts';
import { checkResponseFormat } from './check-response-format.ts';
import { checkServerTools } from './check-server-tools.ts';
import type { EmulatedModel, Provider } from './types.ts';

/** Rejects what the chosen model cannot do: response formats, images beyond its limits, too many output tokens. */
export function checkChatModel(provider: Provider, model: EmulatedModel, chat: ChatRequest): void {
  checkResponseFormat(provider, model, chat);
  checkServerTools(provider, model, chat);
  if (chat.tools.length > 0 && !model.supportedFeatures.includes('tools')) {
    throw invalidRequest(`\`tools\` are not supported with model \`${model.id}\``, 'tools');
  }
  if (chat.maxTokens !== undefined && model.maxCompletionTokens !== undefined && chat.maxTokens > model.maxCompletionTokens) {
    throw invalidRequest(
      `\`max_tokens\` must be less than or equal to \`${model.maxCompletionTokens}\`, the maximum value for \`max_tokens\` is less than the \`context_window\` for this model`,
      'max_tokens');
  }
  checkImages(model, chat);
}

function checkImages(model: EmulatedModel, chat: ChatRequest): void {
  const images = chat.messages.flatMap((message) => message.parts.flatMap((part) => (part.type === 'image_url' ? [part.url] : [])));
  if (images.length === 0) return;
  if (!model.inputModalities.includes('image') || !model.vision) {
    throw invalidRequest(`The model \`${model.id}\` does not support image input. Send images to a model whose input_modalities include "image".`, 'messages');
  }
  if (images.length > model.vision.maxImages) {
    throw invalidRequest(`Too many images provided. This model supports up to ${model.vision.maxImages} images per request, but ${images.length} were provided.`, 'messages');
  }
  const base64Bytes = images.filter((url) => url.startsWith('data:')).reduce((sum, url) => sum + url.length, 0);
  if (base64Bytes > model.vision.maxBase64Bytes) {
    throw new ApiError({
      status: 413,
      message: `Request Entity Too Large: base64 image data is limited to ${Math.round(model.vision.maxBase64Bytes / 1024 / 1024)} MB per request.`,
      type: 'invalid_request_error',
      code: 'request_too_large',
    });
  }
}
