import { messageText, type ChatMessage, type ChatRequest, type ExecutedTool, type ToolCall } from './chat-request.ts';
import { chooseServerTools } from './choose-server-tools.ts';
import { chooseToolCalls } from './choose-tool-calls.ts';
import { readHints, stripHints } from './emulate-hints.ts';
import { jsonFromSchema } from './json-from-schema.ts';
import { reasoningText, replyText, sizedTokens, toolResultText } from './reply-text.ts';
import { estimateTokens, splitTokens } from './tokens.ts';
import type { EmulatedModel } from './types.ts';

/** Tokens an image adds to the prompt count, a fixed emulator figure. */
export const imagePromptTokens = 85;

/** Everything a chat answer will contain, decided before the first byte is sent. */
export type ReplyPlan = {
  /** Reasoning tokens to send; empty for non-reasoning models or hidden reasoning. */
  reasoning: string[];
  content: string[];
  toolCalls: ToolCall[];
  /** Groq built-in tools run during this answer, reported as `executed_tools`. */
  executedTools: ExecutedTool[];
  finishReason: 'stop' | 'length' | 'tool_calls';
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
};

function countImages(messages: ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + message.parts.filter((part) => part.type === 'image_url').length, 0);
}

function promptTokens(chat: ChatRequest): number {
  const text = chat.messages.map((message) => messageText(message) + message.toolCalls.map((call) => call.arguments).join('')).join('\n');
  const tools = chat.tools.length > 0 ? JSON.stringify(chat.tools) : '';
  return estimateTokens(text) + estimateTokens(tools) + countImages(chat.messages) * imagePromptTokens;
}

function toolNameFor(chat: ChatRequest, toolCallId: string | undefined): string {
  const call = chat.messages.flatMap((message) => message.toolCalls).find((candidate) => candidate.id === toolCallId);
  return call?.name ?? 'tool';
}

function answerText(model: EmulatedModel, chat: ChatRequest, userText: string, imageCount: number): string {
  const last = chat.messages.at(-1);
  if (last?.role === 'tool') return toolResultText(model.id, toolNameFor(chat, last.toolCallId), messageText(last));
  const format = chat.responseFormat;
  if (format.type === 'json_schema') return JSON.stringify(jsonFromSchema(format.schema));
  if (format.type === 'json_object') {
    return JSON.stringify({ emulator: 'flint', model: model.id, reply: `You said: ${userText || '(no text)'}` });
  }
  return replyText({ model: model.id, userText, imageCount });
}

function cutAtStop(tokens: string[], stop: string[]): { tokens: string[]; stopped: boolean } {
  const text = tokens.join('');
  const positions = stop.map((sequence) => (sequence === '' ? -1 : text.indexOf(sequence))).filter((index) => index >= 0);
  if (positions.length === 0) return { tokens, stopped: false };
  return { tokens: splitTokens(text.slice(0, Math.min(...positions))), stopped: true };
}

/** Decides the deterministic answer to a chat request: reasoning, text or JSON or tool calls, finish reason and usage. */
export function planReply(model: EmulatedModel, chat: ChatRequest): ReplyPlan {
  const lastUser = [...chat.messages].reverse().find((message) => message.role === 'user');
  const rawUserText = lastUser ? messageText(lastUser) : '';
  const hints = readHints(rawUserText);
  const userText = stripHints(rawUserText);
  const imageCount = lastUser ? countImages([lastUser]) : 0;
  const reasons = model.supportedFeatures.includes('reasoning');
  let reasoning = reasons ? splitTokens(reasoningText({ model: model.id, userText, imageCount })) : [];
  const toolCalls = chooseToolCalls(chat, rawUserText);
  const serverRun = toolCalls.length === 0 ? chooseServerTools(chat, userText) : undefined;
  // The reasoning narrates the built-in tool steps, as gpt-oss does on Groq.
  if (serverRun) reasoning = [...splitTokens(serverRun.reasoning), ...reasoning];
  let content: string[] = [];
  let finishReason: ReplyPlan['finishReason'] = toolCalls.length > 0 ? 'tool_calls' : 'stop';
  if (toolCalls.length === 0) {
    const text = serverRun?.answer ?? answerText(model, chat, userText, imageCount);
    const plainText = chat.responseFormat.type === 'text' && chat.messages.at(-1)?.role !== 'tool';
    content = plainText && hints.tokens !== undefined ? sizedTokens(text, hints.tokens) : splitTokens(text);
    content = cutAtStop(content, chat.stop).tokens;
  }
  const budget = chat.maxTokens ?? model.maxCompletionTokens ?? Infinity;
  if (reasoning.length >= budget) {
    reasoning = reasoning.slice(0, budget);
    content = [];
    finishReason = 'length';
  } else if (reasoning.length + content.length > budget) {
    content = content.slice(0, budget - reasoning.length);
    finishReason = 'length';
  }
  const toolTokens = toolCalls.reduce((sum, call) => sum + splitTokens(call.name + call.arguments).length, 0)
    + (serverRun?.executed ?? []).reduce((sum, tool) => sum + splitTokens(tool.arguments).length, 0);
  const reasoningTokens = reasoning.length;
  return {
    reasoning: chat.showReasoning ? reasoning : [],
    content,
    toolCalls,
    executedTools: serverRun?.executed ?? [],
    finishReason,
    promptTokens: promptTokens(chat),
    completionTokens: reasoningTokens + content.length + toolTokens,
    reasoningTokens,
  };
}
