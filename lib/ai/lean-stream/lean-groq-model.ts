import { createGroq, type GroqProviderSettings } from '@ai-sdk/groq';
import type { LanguageModelV4, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { leanGroqStream } from './lean-groq-stream';
import { needsSdkStream } from './needs-sdk-stream';
import { plainGroqBody } from './plain-groq-body';

const isPlainRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

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

/** Where @ai-sdk/groq sends a plain call, and with which headers: learned from its own first call. */
type WireRequest = { url: string; headers: Record<string, string> };

/** The SDK's outcome of a call whose fetch answers with `outcome` (a failed response, an empty body, a network error), so its error mapping stays the SDK's. */
function sdkOutcome(modelId: string, settings: GroqProviderSettings, options: Parameters<LanguageModelV4['doStream']>[0], outcome: () => Promise<Response>) {
  return createGroq({ ...settings, fetch: outcome }).languageModel(modelId).doStream(options);
}

/**
 * A plain call sent as the bytes @ai-sdk/groq would send (plainGroqBody, the SDK's learned URL and
 * headers), without the SDK's request build and response pipeline: 0.16 ms before the fetch and
 * 0.35 ms after the response headers on an idle server (issue 14). Every failure goes to the SDK.
 */
async function leanRequestStream(
  modelId: string,
  settings: GroqProviderSettings,
  options: Parameters<LanguageModelV4['doStream']>[0],
  wire: WireRequest,
  body: string,
): Promise<LanguageModelV4StreamResult> {
  let response: Response;
  try {
    response = await (settings.fetch ?? globalThis.fetch)(wire.url, { method: 'POST', headers: wire.headers, body, signal: options.abortSignal });
  } catch (error) {
    return sdkOutcome(modelId, settings, options, () => Promise.reject(error));
  }
  const stream = response.body;
  if (!response.ok || stream == null) return sdkOutcome(modelId, settings, options, async () => response);
  return {
    stream: leanGroqStream({ body: stream, start: { type: 'stream-start', warnings: [] }, wrapBodyError: (error) => sdkBodyError(modelId, settings, options, response, error) }),
    request: { body },
    response: { headers: Object.fromEntries(response.headers) },
  };
}

/** One streamed call: the SDK builds the request and maps failures; a 2xx body is kept for the lean parser. */
async function leanDoStream(
  modelId: string,
  settings: GroqProviderSettings,
  options: Parameters<LanguageModelV4['doStream']>[0],
  learn: ((wire: WireRequest) => void) | undefined,
): Promise<LanguageModelV4StreamResult> {
  const realFetch = settings.fetch ?? globalThis.fetch;
  let real: Response | undefined;
  let shell: ReadableStreamDefaultController<Uint8Array> | undefined;
  const fetch: FetchFunction = async (input, init) => {
    // Learned only when the SDK sent exactly the body plainGroqBody builds, with headers of its own making.
    const headers = init?.headers;
    if (learn && typeof input === 'string' && typeof init?.body === 'string' && isPlainRecord(headers) && init.body === plainGroqBody(modelId, options)) {
      learn({ url: input, headers: { ...headers } });
    }
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
 * costs 2.3 ms CPU through the SDK's doStream, 0.8 ms here; bench/groq-stream-parse.ts). Once the SDK has
 * sent one plain call, later plain calls go out as the same bytes without the SDK's request build;
 * every failure, and every other call, is the SDK's.
 */
export function createLeanGroqModel(modelId: string, settings: GroqProviderSettings): LanguageModelV4 {
  const sdk = createGroq(settings).languageModel(modelId);
  let wire: WireRequest | undefined;
  const learn = (learned: WireRequest) => void (wire ??= learned);
  const leanStream = (options: Parameters<LanguageModelV4['doStream']>[0]) => {
    const body = wire && plainGroqBody(modelId, options);
    return wire && body ? leanRequestStream(modelId, settings, options, wire, body) : leanDoStream(modelId, settings, options, wire ? undefined : learn);
  };
  return {
    specificationVersion: 'v4',
    provider: sdk.provider,
    modelId: sdk.modelId,
    supportedUrls: sdk.supportedUrls,
    doGenerate: (options) => sdk.doGenerate(options),
    doStream: (options) => (needsSdkStream(options) ? sdk.doStream(options) : leanStream(options)),
  };
}
