import type { UIMessage } from 'ai';
import { z } from 'zod';

/** One provider call made while answering a message, as the badge shows it. */
export const attemptSchema = z.object({
  model: z.string(),
  provider: z.string(),
  outcome: z.string(),
  ms: z.number(),
});

/** The tools an answer could use, as the page lists them: MCP servers reached and why anything configured is missing. */
export const toolsInfoSchema = z.object({
  /** Every tool offered, by name. */
  tools: z.array(z.string()),
  mcpServers: z.array(z.object({ url: z.string(), name: z.string(), tools: z.array(z.string()) })),
  notices: z.array(z.string()),
});

export type ToolsInfo = z.infer<typeof toolsInfoSchema>;

/** What the server tells the browser about how a message was produced. */
export const messageMetadataSchema = z.object({
  model: z.string().optional(),
  provider: z.string().optional(),
  attempts: z.array(attemptSchema).optional(),
  continuedBy: z.string().optional(),
  interrupted: z.boolean().optional(),
  inputTokens: z.number().optional(),
  outputTokens: z.number().optional(),
  costUsd: z.number().optional(),
  /** Answered from the response cache: no model was called for it. */
  cache: z.boolean().optional(),
  createdAt: z.number().optional(),
  /** Set when the answer was offered tools. */
  tools: toolsInfoSchema.optional(),
  /** Set by the browser: how long each reasoning block took, for "Thinking · 2.3 s" (one number in answers saved before blocks were timed apart). */
  reasoningMs: z.union([z.number(), z.array(z.number())]).optional(),
  /** Set by the browser when the user pressed Stop, so the answer can offer Continue after a reload. */
  stopped: z.boolean().optional(),
});

export type MessageMetadata = z.infer<typeof messageMetadataSchema>;

/** A chat message as Flint's UI and API see it. */
export type FlintUIMessage = UIMessage<MessageMetadata>;

/** The model tiers a user can pick in the composer. */
export { tiers, type Tier } from './tiers';
