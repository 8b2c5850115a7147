import { createGroq, type GroqProviderSettings } from '@ai-sdk/groq';
import type { LanguageModelV4, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { leanGroqStream } from './lean-groq-stream';
import { needsSdkStream } from './needs-sdk-stream';

/**
 * The error @ai-sdk/groq's stream reports when a 2xx body fails with `error`: a second, offline call whose
 * fetch answers with the first response's status and headers and a body that fails at once. Only a
 * broken or aborted stream pays for it; an open stream keeps no SDK pipeline for it.
 */
async function sdkBodyError(modelId: string, settings: GroqProviderSettings, options: Parameters<LanguageModelV4['doStream']>[0], response: Response, error: unknown) {
  const failing = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(error) });
  const fetch: FetchFunction = async () => new Response(failing, { status: response.status, statusText: response.statusText, headers: response.headers });
  try {
    const reader = (await createGroq({ ...settings, fetch }).languageModel(modelId).doStream(options)).stream.getReader();
    while (!(await reader.read()).done);
  } catch (wrapped) {
    return wrapped;
  }
  return error;
}

/** One streamed call: the SDK builds the request and maps failures; a 2xx body is kept for the lean parser. */
async function leanDoStream(
  modelId: string,
  settings: GroqProviderSettings,
  options: Parameters<LanguageModelV4['doStream']>[0],
): Promise<LanguageModelV4StreamResult> {
  const realFetch = settings.fetch ?? globalThis.fetch;
  let real: Response | undefined;
  let shell: ReadableStreamDefaultController<Uint8Array> | undefined;
  const fetch: FetchFunction = async (input, init) => {
    const response = await realFetch(input, init);
    // A failure (or an empty 2xx) goes to the SDK as it came, so its APICallError mapping stays the SDK's.
    if (!response.ok || response.body == null) return response;
    real = response;
    const idle = new ReadableStream<Uint8Array>({ start: (controller) => void (shell = controller) });
    return new Response(idle, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  // A model per call, so concurrent calls never share the captured body.
  let result: LanguageModelV4StreamResult;
  try {
    result = await createGroq({ ...settings, fetch }).languageModel(modelId).doStream(options);
  } catch (error) {
    await real?.body?.cancel(error).catch(() => undefined);
    throw error;
  }
  const response = real;
  if (response?.body == null || shell == null) return result;
  const sdk = result.stream.getReader();
  const start = await sdk.read();
  if (start.done || start.value.type !== 'stream-start') {
    await response.body.cancel();
    throw new Error('@ai-sdk/groq stream did not open with stream-start');
  }
  // The SDK's own pipeline is done with once it said stream-start: its idle body is closed (a cancel
  // would make it build and drop an APICallError) and it is read out, so an open stream does not keep
  // its four transform stages (~15-20 KiB per stream, bench/heap-per-stream.ts).
  shell.close();
  void (async () => {
    try {
      while (!(await sdk.read()).done);
    } catch {
      // nothing of it is used
    }
  })();
  return {
    ...result,
    stream: leanGroqStream({ body: response.body, start: start.value, wrapBodyError: (error) => sdkBodyError(modelId, settings, options, response, error) }),
  };
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
