import { z } from 'zod';
import { FlintError } from '@/lib/errors';
import { readCappedBody } from '@/lib/read-capped-body';
import { parseMultipart, type MultipartPart } from './parse-multipart';
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
export async function readAudioUpload(request: Request, { deadlineMs }: { deadlineMs?: number } = {}): Promise<AudioUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new FlintError('unsupported_media:api', { message: 'Send the audio as multipart/form-data with the recording in the field "file".' });
  }
  const body = await readCappedBody(request, { maxBytes: audioLimits.bodyBytes, ...(deadlineMs === undefined ? {} : { deadlineMs }) });
  // Parsed in place: the recording stays a view into the one body buffer, never copied.
  const parts = parseMultipart(body, contentType);
  const file = parts.find((part) => part.name === 'file');
  if (file === undefined || file.filename === undefined) throw new FlintError('bad_request:api', { message: 'The upload has no audio in the field "file".' });
  if (file.data.byteLength > audioLimits.fileBytes) throw new FlintError('too_large:api', { message: 'The recording is larger than 25 MB.' });
  if (file.data.byteLength === 0) throw new FlintError('bad_request:api', { message: 'The recording is empty.' });

  const audio = file.data;
  const sniffed = sniffAudio(audio);
  if (sniffed === undefined) {
    throw new FlintError('unsupported_media:api', { message: 'That file is not audio Flint can transcribe (webm, ogg, mp4/m4a, wav, mp3 or flac).' });
  }

  const fields = fieldsSchema.safeParse({ language: textField(parts, 'language'), prompt: textField(parts, 'prompt') });
  if (!fields.success) throw new FlintError('bad_request:api', { message: `Invalid upload: ${fields.error.issues[0]?.message ?? 'unknown problem'}.` });
  return { audio, sniffed, ...fields.data };
}

/** A text field's value; an empty field counts as absent. */
function textField(parts: MultipartPart[], name: string): string | undefined {
  const part = parts.find((candidate) => candidate.name === name && candidate.filename === undefined);
  if (part === undefined) return undefined;
  const value = new TextDecoder().decode(part.data);
  return value.trim() !== '' ? value : undefined;
}
