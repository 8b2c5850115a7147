import { z } from 'zod';
import { tiers } from './message';
import { structureProblem } from './structure-problem';

/** Limits that keep one request from exhausting the server; images are checked separately. */
export const chatLimits = {
  bodyBytes: 8 * 1024 * 1024,
  messages: 200,
  // A tool-using answer carries a step-start, reasoning and tool parts for each of its up to 5 steps.
  partsPerMessage: 64,
  textChars: 100_000,
} as const;

// A tool call is only sendable with its result (the SDK refuses one without the other), or with the
// user's answer to its approval request, which the server then executes.
const toolResultStates = new Set(['output-available', 'output-error', 'output-denied', 'approval-responded']);

const partSchema = z.looseObject({ type: z.string().max(64) }).superRefine((part, context) => {
  if (part.type === 'text' && typeof part.text === 'string' && part.text.length > chatLimits.textChars) {
    context.addIssue({ code: 'custom', message: `a text part is longer than ${chatLimits.textChars} characters` });
  }
  // Tool input/output, data parts, provider metadata: everything structured is bounded here, at the edge.
  const problem = structureProblem(part, ['text', 'url']);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `a ${part.type} part ${problem}` });
  const isTool = part.type === 'dynamic-tool' || part.type.startsWith('tool-');
  if (isTool && !(typeof part.state === 'string' && toolResultStates.has(part.state))) {
    context.addIssue({ code: 'custom', message: 'a tool call has no result' });
  }
});

const metadataSchema = z.unknown().superRefine((metadata, context) => {
  const problem = structureProblem(metadata);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `message metadata ${problem}` });
});

const messageSchema = z.object({
  id: z.string().max(200),
  role: z.enum(['user', 'assistant']),
  parts: z.array(partSchema).max(chatLimits.partsPerMessage),
  metadata: metadataSchema.optional(),
});

/** The body the AI SDK's DefaultChatTransport sends, plus Flint's `tier` and `tools`. */
export const chatRequestSchema = z.object({
  id: z.string().max(200),
  messages: z.array(messageSchema).min(1).max(chatLimits.messages),
  trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
  messageId: z.string().max(200).optional(),
  tier: z.enum(tiers).default('auto'),
  /** Offer tools (calculator, MCP servers, Groq's built-ins) for this answer; on unless the chat turned them off. */
  tools: z.boolean().optional(),
  /** 0 makes the answer deterministic, and so cacheable (the response cache serves repeats). */
  temperature: z.number().min(0).max(2).optional(),
});

export type ChatRequest = z.infer<typeof chatRequestSchema>;
