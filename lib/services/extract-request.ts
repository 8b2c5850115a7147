import { z } from 'zod';
import { validateImages } from '@/lib/chat/validate-images';
import type { ChatRequest } from '@/lib/chat/request';
import type { ExtractInput } from './extract';
import { resolveExtractSchema } from './extract-schema';

/** Limits of one extraction request. */
export const extractLimits = {
  /** A 4 MB image as base64, its JSON and a schema fit. */
  bodyBytes: 6 * 1024 * 1024,
  textChars: 100_000,
} as const;

/** The body of POST /api/extract. */
export const extractRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(extractLimits.textChars).optional(),
    image: z.string().startsWith('data:', { message: 'image must be a base64 data URL' }).optional(),
    schema: z.union([z.string().min(1).max(64), z.record(z.string(), z.unknown())]),
  })
  .refine((body) => body.text !== undefined || body.image !== undefined, { message: 'send `text`, `image`, or both' });

/** A parsed /api/extract body. */
export type ExtractRequest = z.infer<typeof extractRequestSchema>;

/**
 * Turns a parsed body into the service's input: resolves the schema (400 `invalid_schema:extract`)
 * and checks the image as the chat does (type, bytes, 4 MB: 415/400/413).
 */
export function toExtractInput(body: ExtractRequest): ExtractInput {
  const schema = resolveExtractSchema(body.schema);
  if (body.image === undefined) return { text: body.text, schema };
  const mediaType = /^data:([^;,]+)/.exec(body.image)?.[1]?.toLowerCase() ?? '';
  const message = { id: 'extract', role: 'user', parts: [{ type: 'file', mediaType, url: body.image }] } as ChatRequest['messages'][number];
  validateImages([message]);
  return { text: body.text, image: { mediaType, dataUrl: body.image }, schema };
}
