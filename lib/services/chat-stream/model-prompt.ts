import type { LanguageModelV4, LanguageModelV4Prompt } from '@ai-sdk/provider';
import type { ModelMessage } from 'ai';
// The SDK's own prompt preparation, so the fast path sends the model exactly what streamText would.
import { convertToLanguageModelPrompt, createDefaultDownloadFunction, standardizePrompt } from 'ai/internal';

/**
 * The LanguageModelV4 prompt streamText builds from instructions and model messages (system
 * message first, files downloaded only where the model cannot take their URL), for calling
 * `model.doStream` directly on the fast path.
 */
export async function modelPromptOf({
  model,
  instructions,
  messages,
  abortSignal,
}: {
  model: LanguageModelV4;
  instructions?: string;
  messages: ModelMessage[];
  abortSignal?: AbortSignal;
}): Promise<LanguageModelV4Prompt> {
  const standardized = await standardizePrompt({ instructions, messages });
  return convertToLanguageModelPrompt({
    prompt: standardized,
    supportedUrls: await model.supportedUrls,
    download: createDefaultDownloadFunction(undefined, abortSignal),
    abortSignal,
    // streamText names the provider by its first segment ("groq.chat" -> "groq").
    provider: model.provider.split('.')[0],
  });
}
