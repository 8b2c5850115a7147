import { z } from 'zod';
import { tiers } from './message';

/** Limits that keep one request from exhausting the server; images are checked separately. */
export const chatLimits = {
  bodyBytes: 8 * 1024 * 1024,
  messages: 200,
  partsPerMessage: 20,
  textChars: 100_000,
} as const;

const partSchema = z.looseObject({ type: z.string().max(64) }).superRefine((part, context) => {
  if (part.type === 'text' && typeof part.text === 'string' && part.text.length > chatLimits.textChars) {
    context.addIssue({ code: 'custom', message: `a text part is longer than ${chatLimits.textChars} characters` });
  }
});

const messageSchema = z.object({
  id: z.string().max(200),
  role: z.enum(['user', 'assistant']),
  parts: z.array(partSchema).max(chatLimits.partsPerMessage),
  metadata: z.unknown().optional(),
});

/** The body the AI SDK's DefaultChatTransport sends, plus Flint's `tier`. */
export const chatRequestSchema = z.object({
  id: z.string().max(200),
  messages: z.array(messageSchema).min(1).max(chatLimits.messages),
  trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
  messageId: z.string().max(200).optional(),
  tier: z.enum(tiers).default('auto'),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
