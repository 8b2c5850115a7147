import { invalidRequest } from './api-error.ts';
import { estimateDuration, sniffAudio } from './audio-sniff.ts';
import { applyFault, responseHeaders, type CallContext } from './call-context.ts';
import { readBody, tooLarge } from './read-body.ts';
import { resolveModel } from './resolve-model.ts';
import { sendJson } from './send-json.ts';
import { transcriptSegments, transcriptText, transcriptWords } from './transcript-content.ts';
import type { Provider } from './types.ts';
import { analyzeWav, silenceRms } from './wav-analysis.ts';

const fileLimitBytes = 25 * 1024 * 1024;
// Room for the multipart envelope and other fields around a file at the limit.
const bodyLimitBytes = fileLimitBytes + 1024 * 1024;

const languageNames: Record<string, string> = {
  en: 'English', fr: 'French', de: 'German', es: 'Spanish', it: 'Italian', pt: 'Portuguese', nl: 'Dutch',
  ja: 'Japanese', zh: 'Chinese', ko: 'Korean', ru: 'Russian', pl: 'Polish', sv: 'Swedish', tr: 'Turkish',
};

function notAudio(provider: Provider) {
  return provider === 'groq'
    ? invalidRequest('file must be one of the following types: [flac mp3 mp4 mpeg mpga m4a ogg opus wav webm]', 'file')
    : invalidRequest("Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']", 'file', 'invalid_value');
}

async function readForm(call: CallContext): Promise<FormData> {
  const contentType = call.request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) throw invalidRequest('Content-Type must be multipart/form-data', 'file');
  const body = await readBody(call.request, bodyLimitBytes);
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalidRequest('could not parse multipart form', 'file');
  }
}

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** POST /audio/transcriptions: checks the upload like the provider, then returns a deterministic fake transcript. */
export async function transcriptions(call: CallContext): Promise<void> {
  const { provider, services } = call;
  const form = await readForm(call);
  const modelId = field(form, 'model');
  if (!modelId) throw provider === 'groq' ? invalidRequest("'model' : property 'model' is missing", 'model') : invalidRequest('you must provide a model parameter', 'model');
  call.log.model = modelId;
  if ((await applyFault(call, { model: modelId, endpoint: 'transcription' })) === false) return;
  const model = resolveModel(services.settings.models, provider, modelId, 'transcription');
  call.model = model;

  const file = form.get('file');
  if (!(file instanceof Blob)) {
    if (field(form, 'url')) throw invalidRequest('failed to retrieve media: the emulator has no network access, upload the file instead', 'url');
    throw invalidRequest(provider === 'groq' ? "'file' or 'url' must be provided" : "Missing required parameter: 'file'.", 'file');
  }
  if (file.size > fileLimitBytes) throw tooLarge(fileLimitBytes);
  const responseFormat = field(form, 'response_format') ?? 'json';
  if (!(model.transcriptionFormats ?? ['json']).includes(responseFormat)) {
    throw invalidRequest(`response_format '${responseFormat}' is not compatible with model '${model.id}'. Use one of: ${(model.transcriptionFormats ?? ['json']).join(', ')}.`, 'response_format', 'unsupported_value');
  }
  const temperature = Number(field(form, 'temperature') ?? 0);
  if (!(temperature >= 0 && temperature <= 1)) throw invalidRequest("'temperature' : number must be between 0 and 1", 'temperature');

  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = sniffAudio(bytes);
  if (!format) throw notAudio(provider);
  const wav = format === 'wav' ? analyzeWav(bytes) : undefined;
  if (format === 'wav' && !wav) throw notAudio(provider);
  const durationSeconds = wav ? wav.durationSeconds : estimateDuration(format as Exclude<typeof format, 'wav'>, bytes.length);
  if (durationSeconds < 0.01) throw invalidRequest('Audio file is too short. Minimum audio length is 0.01 seconds.', 'file');

  const silent = wav !== undefined && wav.rms < silenceRms;
  const text = silent ? '' : transcriptText({ model: model.id, durationSeconds, prompt: field(form, 'prompt'), configured: services.settings.transcript });
  services.rateLimits.charge(provider, model, 0);
  const headers = responseHeaders(call);

  if (responseFormat === 'text') {
    call.response.writeHead(200, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    call.response.end(text);
    return;
  }
  const extra: Record<string, unknown> = provider === 'groq' ? { x_groq: { id: call.requestId } } : { usage: openaiUsage(model.id, durationSeconds, text) };
  if (responseFormat === 'json') {
    sendJson(call.response, 200, { text, ...extra }, headers);
    return;
  }
  const languageCode = (field(form, 'language') ?? 'en').toLowerCase();
  const languageName = languageNames[languageCode] ?? languageCode;
  const granularities = form.getAll('timestamp_granularities[]').map(String);
  const verbose: Record<string, unknown> = {
    task: 'transcribe',
    language: provider === 'groq' ? languageName : languageName.toLowerCase(),
    duration: Math.round(durationSeconds * 1000) / 1000,
    text,
  };
  if (!(granularities.length === 1 && granularities[0] === 'word')) verbose.segments = transcriptSegments(text, durationSeconds, silent);
  if (granularities.includes('word')) verbose.words = transcriptWords(text, durationSeconds);
  sendJson(call.response, 200, { ...verbose, ...extra }, headers);
}

function openaiUsage(modelId: string, durationSeconds: number, text: string): Record<string, unknown> {
  if (modelId === 'whisper-1') return { type: 'duration', seconds: Math.ceil(durationSeconds) };
  // Audio tokens are roughly ten per second for the gpt-4o transcribe family (an emulator estimate).
  const audioTokens = Math.ceil(durationSeconds * 10);
  const outputTokens = Math.ceil(text.length / 4);
  return { type: 'tokens', input_tokens: audioTokens, input_token_details: { text_tokens: 0, audio_tokens: audioTokens }, output_tokens: outputTokens, total_tokens: audioTokens + outputTokens };
}
