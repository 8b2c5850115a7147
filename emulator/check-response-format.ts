import { invalidRequest } from './api-error.ts';
import type { ChatRequest } from './chat-request.ts';
import { strictSchemaProblem } from './strict-schema-problem.ts';
import type { EmulatedModel, Provider } from './types.ts';

const docs = 'See supported models at https://console.groq.com/docs/structured-outputs#supported-models';

function mentionsJson(chat: ChatRequest): boolean {
  return chat.messages.some((message) => message.parts.some((part) => part.type === 'text' && /json/i.test(part.text)));
}

/**
 * Checks `response_format` against the model: strict json_schema only where constrained decoding
 * exists (gpt-oss on Groq) and only for strict-shaped schemas; best-effort json_schema and
 * json_object on JSON-mode models; json_object only when the prompt asks for JSON.
 */
export function checkResponseFormat(provider: Provider, model: EmulatedModel, chat: ChatRequest): void {
  const format = chat.responseFormat;
  const features = model.supportedFeatures;
  if (format.type === 'json_schema') {
    if (format.strict && !features.includes('structured_outputs')) {
      throw invalidRequest(
        provider === 'groq'
          ? `This model does not support strict mode for response format \`json_schema\`; use \`strict: false\`. ${docs}`
          : `Invalid parameter: 'response_format' of type 'json_schema' is not supported with model ${model.id}.`,
        'response_format');
    }
    if (!features.includes('structured_outputs') && !features.includes('json_mode')) {
      throw invalidRequest(`This model does not support response format \`json_schema\`. ${docs}`, 'response_format');
    }
    const problem = format.strict ? strictSchemaProblem(format.schema) : undefined;
    if (problem) {
      throw invalidRequest(
        provider === 'groq'
          ? `invalid JSON schema for strict mode: ${problem}`
          : `Invalid schema for response_format '${format.name}': In context=(), ${problem}.`,
        'response_format', provider === 'openai' ? 'invalid_json_schema' : undefined);
    }
  }
  if (format.type === 'json_object') {
    if (!features.includes('json_mode')) throw invalidRequest('This model does not support response format `json_object`', 'response_format');
    if (!mentionsJson(chat)) {
      throw invalidRequest("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages');
    }
  }
}
