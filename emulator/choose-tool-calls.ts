import type { ChatRequest, ToolCall, ToolDefinition } from './chat-request.ts';
import { stableHash } from './ids.ts';
import { jsonFromSchema } from './json-from-schema.ts';

function pickTools(chat: ChatRequest, userText: string): ToolDefinition[] {
  if (chat.tools.length === 0 || chat.toolChoice === 'none') return [];
  // After a tool result the model answers in text, which ends the round-trip.
  if (chat.messages.at(-1)?.role !== 'user') return [];
  const choice = chat.toolChoice;
  if (typeof choice === 'object') return chat.tools.filter((tool) => tool.name === choice.name).slice(0, 1);
  const lower = userText.toLowerCase();
  const mentioned = chat.tools.filter((tool) => lower.includes(tool.name.toLowerCase()));
  const chosen = mentioned.length > 0 ? mentioned : choice === 'required' ? chat.tools.slice(0, 1) : [];
  return chat.parallelToolCalls ? chosen : chosen.slice(0, 1);
}

/**
 * The deterministic tool-call rule: call every offered tool whose name the last user message mentions
 * (or the forced one, or the first when `required`), with arguments generated from its schema.
 */
export function chooseToolCalls(chat: ChatRequest, userText: string): ToolCall[] {
  return pickTools(chat, userText).map((tool, index) => ({
    id: `call_${stableHash(`${chat.messages.length}:${index}:${tool.name}:${userText}`, 24)}`,
    name: tool.name,
    arguments: JSON.stringify(jsonFromSchema(tool.parameters)),
  }));
}
