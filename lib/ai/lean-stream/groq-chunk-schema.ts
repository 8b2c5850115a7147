import { zodSchema } from '@ai-sdk/provider-utils';
import { z } from 'zod/v4';

const usage = z
  .object({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    total_tokens: z.number().nullish(),
    prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
    completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
  })
  .nullish();

const chunk = z.object({
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  choices: z.array(
    z.object({
      delta: z
        .object({
          content: z.string().nullish(),
          reasoning: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                index: z.number(),
                id: z.string().nullish(),
                type: z.literal('function').optional(),
                function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }),
              }),
            )
            .nullish(),
        })
        .nullish(),
      finish_reason: z.string().nullable().optional(),
      index: z.number(),
    }),
  ),
  x_groq: z.object({ usage }).nullish(),
});

const errorData = z.object({ error: z.object({ message: z.string(), type: z.string() }) });

/** A parsed Groq stream chunk: a completion chunk or an error frame, as @ai-sdk/groq validates them. */
export type GroqChunk = z.infer<typeof chunk> | z.infer<typeof errorData>;

let compiled: ReturnType<typeof zodSchema<GroqChunk>> | undefined;

/**
 * A copy of @ai-sdk/groq 4.0.x's (unexported) stream chunk schema, used only for frames the fast check
 * does not accept, so their errors (TypeValidationError, JSONParseError) are the SDK's own. The
 * differential tests fail if it drifts from the installed SDK.
 */
export function groqChunkSchema(): ReturnType<typeof zodSchema<GroqChunk>> {
  compiled ??= zodSchema<GroqChunk>(z.union([chunk, errorData]));
  return compiled;
}
