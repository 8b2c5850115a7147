import type { ChatRequest, ToolCall, ToolDefinition } from './chat-request.ts';
import { stableHash } from './ids.ts';
import { findExpression, toolArguments } from './tool-arguments.ts';

function pickTools(chat: ChatRequest, userText: string): ToolDefinition[] {
  if (chat.tools.length === 0 || chat.toolChoice === 'none') return [];
  // After a tool result the model answers in text, which ends the round-trip.
  if (chat.messages.at(-1)?.role !== 'user') return [];
  const choice = chat.toolChoice;
  if (typeof choice === 'object') return chat.tools.filter((tool) => tool.name === choice.name).slice(0, 1);
  const lower = userText.toLowerCase();
  const mentioned = chat.tools.filter((tool) => lower.includes(tool.name.toLowerCase()));
  // Arithmetic is what a calculator is for, named or not.
  const calculator = chat.tools.find((tool) => tool.name === 'calculator');
  const wanted = mentioned.length === 0 && calculator && findExpression(userText) !== undefined ? [calculator] : mentioned;
  // With built-in tools also offered, `required` can be met by them (see chooseServerTools).
  const chosen = wanted.length > 0 ? wanted : choice === 'required' && chat.serverTools.length === 0 ? chat.tools.slice(0, 1) : [];
  return chat.parallelToolCalls ? chosen : chosen.slice(0, 1);
}

/**
 * The deterministic tool-call rule: call every offered tool whose name the last user message mentions
 * (or `calculator` when the message holds arithmetic, or the forced one, or the first when `required`),
 * with arguments generated from its schema and filled from the message where they can be.
 */
export function chooseToolCalls(chat: ChatRequest, userText: string): ToolCall[] {
  return pickTools(chat, userText).map((tool, index) => ({
    id: `call_${stableHash(`${chat.messages.length}:${index}:${tool.name}:${userText}`, 24)}`,
    name: tool.name,
    arguments: toolArguments(tool, userText),
  }));
}
