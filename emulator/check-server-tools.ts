import { invalidRequest } from './api-error.ts';
import type { ChatRequest } from './chat-request.ts';
import type { EmulatedModel, Provider } from './types.ts';

/** Rejects built-in tool types the model cannot run (only Groq's gpt-oss has them), and their mix with JSON output. */
export function checkServerTools(provider: Provider, model: EmulatedModel, chat: ChatRequest): void {
  for (const type of chat.serverTools) {
    if (provider === 'openai') {
      throw invalidRequest(`Invalid value: '${type}'. Supported values are: 'function' and 'custom'.`, 'tools.type', 'invalid_value');
    }
    if (!(model.serverTools ?? []).some((supported) => supported === type)) {
      throw invalidRequest(`\`${type}\` is not supported with model \`${model.id}\``, 'tools');
    }
  }
  if (chat.serverTools.length > 0 && chat.responseFormat.type !== 'text') {
    throw invalidRequest('built-in tools are not compatible with structured outputs or JSON mode', 'response_format');
  }
}
