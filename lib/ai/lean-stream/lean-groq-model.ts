import { createGroq, type GroqProviderSettings } from '@ai-sdk/groq';
import type { LanguageModelV4, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { leanGroqStream } from './lean-groq-stream';
import { needsSdkStream } from './needs-sdk-stream';

/** One streamed call: the SDK builds the request and maps failures; a 2xx body is kept for the lean parser. */
async function leanDoStream(
  modelId: string,
  settings: GroqProviderSettings,
  options: Parameters<LanguageModelV4['doStream']>[0],
): Promise<LanguageModelV4StreamResult> {
  const realFetch = settings.fetch ?? globalThis.fetch;
  let body: ReadableStream<Uint8Array> | undefined;
  let shell: ReadableStreamDefaultController<Uint8Array> | undefined;
  const fetch: FetchFunction = async (input, init) => {
    const response = await realFetch(input, init);
    // A failure (or an empty 2xx) goes to the SDK as it came, so its APICallError mapping stays the SDK's.
    if (!response.ok || response.body == null) return response;
    body = response.body;
    const idle = new ReadableStream<Uint8Array>({ start: (controller) => void (shell = controller) });
    return new Response(idle, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  // A model per call, so concurrent calls never share the captured body.
  let result: LanguageModelV4StreamResult;
  try {
    result = await createGroq({ ...settings, fetch }).languageModel(modelId).doStream(options);
  } catch (error) {
    await body?.cancel(error).catch(() => undefined);
    throw error;
  }
  if (body == null || shell == null) return result;
  const sdk = result.stream.getReader();
  const start = await sdk.read();
  if (start.done || start.value.type !== 'stream-start') {
    await body.cancel();
    throw new Error('@ai-sdk/groq stream did not open with stream-start');
  }
  return { ...result, stream: leanGroqStream({ body, start: start.value, sdk, shell }) };
}

/**
 * @ai-sdk/groq's chat model with a lean streaming parser for 2xx bodies (issue 14: a 98-frame gpt-oss reply
 * costs 2.3 ms CPU through the SDK's doStream, 0.8 ms here; bench/groq-stream-parse.ts); everything else is the SDK's.
 */
export function createLeanGroqModel(modelId: string, settings: GroqProviderSettings): LanguageModelV4 {
  const sdk = createGroq(settings).languageModel(modelId);
  return {
    specificationVersion: 'v4',
    provider: sdk.provider,
    modelId: sdk.modelId,
    supportedUrls: sdk.supportedUrls,
    doGenerate: (options) => sdk.doGenerate(options),
    doStream: (options) => (needsSdkStream(options) ? sdk.doStream(options) : leanDoStream(modelId, settings, options)),
  };
}
