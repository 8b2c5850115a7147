import type { ModelMessage, UserContent } from 'ai';
import type { ExtractInput } from './extract';

/** The instructions and first message of an extraction; the schema is in the prompt so JSON-mode models see it too. */
export function extractPrompt(input: ExtractInput): { instructions: string; messages: ModelMessage[] } {
  const instructions = [
    'You extract structured data. Answer with exactly one JSON object that matches the JSON Schema below.',
    'Take values only from the input; use null (or an empty list) where the input does not say. Do not invent facts.',
    `JSON Schema:\n${JSON.stringify(input.schema.jsonSchema)}`,
  ].join('\n');
  const content: UserContent = [{ type: 'text', text: input.text ?? 'Extract the data shown in this image.' }];
  if (input.image) {
    // The SDK wants the base64 payload, not the data URL around it.
    const data = input.image.dataUrl.slice(input.image.dataUrl.indexOf(',') + 1);
    content.push({ type: 'file', mediaType: input.image.mediaType, data });
  }
  return { instructions, messages: [{ role: 'user', content }] };
}

/** The turn that asks for a corrected object, quoting what was wrong. */
export function repairPrompt(previous: string, issue: string): ModelMessage[] {
  return [
    { role: 'assistant', content: previous || '(no valid JSON)' },
    { role: 'user', content: `That JSON does not match the schema: ${issue}. Answer again with only the corrected JSON object.` },
  ];
}
