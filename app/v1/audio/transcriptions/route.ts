import { z } from 'zod';
import { TranscriptionError } from '@/lib/ai/transcription/transcription-error';
import { readAudioUpload } from '@/lib/audio/read-audio-upload';
import { GatewayError, gatewayErrorResponse } from '@/lib/gateway/openai-error';
import { gatewayCaller } from '@/lib/services/gateway-chat';
import { gatewayTranscription } from '@/lib/services/gateway-transcription';

const formatSchema = z.enum(['json', 'text', 'verbose_json']).default('json');

/** POST /v1/audio/transcriptions (also /openai/v1/...): multipart audio through the Whisper chain, OpenAI's formats out. */
export async function POST(request: Request) {
  try {
    const caller = await gatewayCaller(request.headers);
    // The upload reader consumes one copy; the response format is read from the other.
    const [upload, form] = await Promise.all([readAudioUpload(request.clone()), request.formData().catch(() => undefined)]);
    const format = formatSchema.safeParse(form?.get('response_format') ?? undefined);
    if (!format.success) throw new GatewayError(400, 'invalid_request', 'response_format must be json, text or verbose_json.', { param: 'response_format' });
    const result = await gatewayTranscription(upload, format.data, caller, request.signal);
    return new Response(result.body, { headers: { 'content-type': result.contentType, 'x-flint-served-by': result.servedBy } });
  } catch (error) {
    const headers: Record<string, string> = {};
    if (TranscriptionError.isInstance(error) && error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.ceil(error.retryAfterMs / 1000));
    return gatewayErrorResponse(error, headers);
  }
}
