import { z } from 'zod';
import { FlintError } from '@/lib/errors';
import { readCappedBody } from '@/lib/read-capped-body';
import { sniffAudio, type SniffedAudio } from './sniff-audio';

/** Whisper's upload limit, and room for the multipart envelope around a file at that limit. */
export const audioLimits = { fileBytes: 25 * 1024 * 1024, bodyBytes: 25 * 1024 * 1024 + 256 * 1024, promptChars: 900 } as const;

/** A validated transcription upload: audio whose bytes were checked, plus the optional hints. */
export interface AudioUpload {
  audio: Uint8Array<ArrayBuffer>;
  sniffed: SniffedAudio;
  language?: string;
  prompt?: string;
}

const fieldsSchema = z.object({
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, 'language must be a two-letter ISO-639-1 code such as "en"')
    .optional(),
  // Whisper reads at most 224 tokens of prompt; about four characters make a token.
  prompt: z.string().max(audioLimits.promptChars, `prompt must be at most ${audioLimits.promptChars} characters`).optional(),
});

/**
 * Parses a multipart/form-data transcription request (audio in `file`, optional `language`, `prompt`)
 * and checks the audio by its bytes. Throws 413 for oversize, 415 for non-audio, 400 for the rest.
 */
export async function readAudioUpload(request: Request): Promise<AudioUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new FlintError('unsupported_media:api', { message: 'Send the audio as multipart/form-data with the recording in the field "file".' });
  }
  const body = await readCappedBody(request, audioLimits.bodyBytes);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new FlintError('bad_request:api', { message: 'The upload is not a readable multipart form.' });
  }

  const file = form.get('file');
  if (!(file instanceof Blob)) throw new FlintError('bad_request:api', { message: 'The upload has no audio in the field "file".' });
  if (file.size > audioLimits.fileBytes) throw new FlintError('too_large:api', { message: 'The recording is larger than 25 MB.' });
  if (file.size === 0) throw new FlintError('bad_request:api', { message: 'The recording is empty.' });

  const audio = new Uint8Array(await file.arrayBuffer());
  const sniffed = sniffAudio(audio);
  if (sniffed === undefined) {
    throw new FlintError('unsupported_media:api', { message: 'That file is not audio Flint can transcribe (webm, ogg, mp4/m4a, wav, mp3 or flac).' });
  }

  const fields = fieldsSchema.safeParse({ language: textField(form, 'language'), prompt: textField(form, 'prompt') });
  if (!fields.success) throw new FlintError('bad_request:api', { message: `Invalid upload: ${fields.error.issues[0]?.message ?? 'unknown problem'}.` });
  return { audio, sniffed, ...fields.data };
}

/** A text field's value; an empty field counts as absent. */
function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
