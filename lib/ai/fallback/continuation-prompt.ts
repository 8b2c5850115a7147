import type { LanguageModelV4Prompt } from '@ai-sdk/provider';

/** The note that asks a model to carry on a reply another model started. */
export const continuationInstruction =
  'Your previous reply above was cut off by a connection failure. Continue it from exactly the point ' +
  'where it stops: do not repeat any of it, do not start over, and do not mention this note. ' +
  'Your output is appended directly after its last character.';

/** The original prompt plus the partial reply and an instruction to continue it without repeating. */
export function continuationPrompt(prompt: LanguageModelV4Prompt, partialText: string): LanguageModelV4Prompt {
  return [
    ...prompt,
    { role: 'assistant', content: [{ type: 'text', text: partialText }] },
    { role: 'user', content: [{ type: 'text', text: continuationInstruction }] },
  ];
}
